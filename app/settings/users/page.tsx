import type { Metadata } from "next";
import { listUsers } from "@/lib/users";
import { Badge } from "@/components/ui/badge";
import { DataTable, EmptyRow, Td, Th } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UserRowActions } from "@/components/users/user-row-actions";
import { requirePageRole } from "@/lib/auth/page-access";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users" };

const stamp = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 16) : "never");

export default async function UsersPage() {
  const admin = await requirePageRole("admin");
  const users = await listUsers();
  return (
    <>
      <PageHeader title="Users" description="Who may sign in, and what they may do: viewers read, operators redrive and discard, admins also manage users" />
      <h2 id="users-heading" className="sr-only">Users</h2>
      <DataTable labelledBy="users-heading" testId="users">
        <thead>
          <tr><Th>Name</Th><Th>Email</Th><Th>Role</Th><Th>Sign-in</Th><Th>Status</Th><Th>Last sign-in (UTC)</Th><Th>Change</Th></tr>
        </thead>
        <tbody>
          {users.length === 0 && <EmptyRow colSpan={7}>No users yet.</EmptyRow>}
          {users.map((user) => (
            <tr key={user.id} data-testid="user-row" data-email={user.email}>
              <Td>{user.name}</Td>
              <Td className="font-mono text-xs">{user.email}</Td>
              <Td>{user.role ?? <span className="text-muted">none</span>}</Td>
              <Td>{user.sso ? <span title="Role follows the identity provider's groups">single sign-on</span> : "password"}</Td>
              <Td>{user.disabled ? <Badge tone="bad">disabled</Badge> : <Badge tone="ok">active</Badge>}</Td>
              <Td className="whitespace-nowrap">{stamp(user.lastSignInAt)}</Td>
              <Td><UserRowActions user={{ id: user.id, email: user.email, role: user.role, sso: user.sso, disabled: user.disabled }} self={user.id === admin.id} /></Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <section className="mt-6 max-w-xl" aria-labelledby="create-heading">
        <h2 id="create-heading" className="mb-2 text-base font-semibold">Add a local account</h2>
        <p className="mb-3 text-sm text-muted">Single sign-on users appear here after their first sign-in; their role follows their groups.</p>
        <CreateUserForm />
      </section>
    </>
  );
}
