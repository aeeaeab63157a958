"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { disableUserAction, enableUserAction, setPasswordAction, setRoleAction } from "@/app/settings/users/actions";
import type { ActionResult } from "@/lib/errors";

type User = { id: string; email: string; role: string | null; sso: boolean; disabled: boolean };

const small = "rounded border border-border bg-surface px-2 py-0.5 text-xs hover:bg-surface-2 disabled:opacity-60";

/** Role, enable/disable and password for one user; each asks the server, which checks the admin role again. */
export function UserRowActions({ user, self }: { user: User; self: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function run(action: () => Promise<ActionResult<unknown>>) {
    setError(null);
    startTransition(async () => {
      const result = await action();
      if (result.ok) router.refresh();
      else setError(result.error.message);
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-1.5">
      {!user.sso && (
        <select aria-label={`Role of ${user.email}`} value={user.role ?? ""} disabled={pending}
          onChange={(event) => run(() => setRoleAction({ userId: user.id, role: event.target.value as "viewer" }))}
          className="rounded border border-border bg-surface px-1.5 py-0.5 text-xs">
          <option value="viewer">viewer</option><option value="operator">operator</option><option value="admin">admin</option>
        </select>
      )}
      {!self && (user.disabled
        ? <button type="button" className={small} disabled={pending} onClick={() => run(() => enableUserAction({ userId: user.id }))}>Enable</button>
        : <button type="button" className={small} disabled={pending} onClick={() => {
            const reason = window.prompt(`Why disable ${user.email}? They are signed out at once.`);
            if (reason) run(() => disableUserAction({ userId: user.id, reason }));
          }}>Disable</button>)}
      {!user.sso && (
        <button type="button" className={small} disabled={pending} onClick={() => {
          const password = window.prompt(`New password for ${user.email} (12+ characters). Their sessions end.`);
          if (password) run(() => setPasswordAction({ userId: user.id, password }));
        }}>Set password</button>
      )}
      {error && <p role="alert" className="w-full text-xs text-bad">{error}</p>}
    </div>
  );
}
