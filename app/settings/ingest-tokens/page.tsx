import type { Metadata } from "next";
import { listIngestTokens } from "@/lib/ingest-tokens";
import { Badge } from "@/components/ui/badge";
import { DataTable, EmptyRow, Td, Th } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { IngestTokenActions, NewIngestTokenForm } from "@/components/ingest-tokens/ingest-token-forms";
import { requirePageRole } from "@/lib/auth/page-access";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Ingest tokens" };

const stamp = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 16) : "never");

export default async function IngestTokensPage() {
  await requirePageRole("admin");
  const tokens = await listIngestTokens();
  return (
    <>
      <PageHeader title="Ingest tokens" description="Bearer tokens that OTLP exporters send to /api/otlp/v1/traces; each is shown once, when made" />
      <h2 id="tokens-heading" className="sr-only">Ingest tokens</h2>
      <DataTable labelledBy="tokens-heading" testId="ingest-tokens">
        <thead><tr><Th>Name</Th><Th>Made (UTC)</Th><Th>By</Th><Th>Last used (UTC)</Th><Th>Status</Th><Th>Change</Th></tr></thead>
        <tbody>
          {tokens.length === 0 && <EmptyRow colSpan={6}>No ingest token yet: exporters cannot send spans until one is made.</EmptyRow>}
          {tokens.map((token) => (
            <tr key={token.id} data-testid="ingest-token-row" data-name={token.name}>
              <Td className="font-mono text-xs">{token.name}</Td>
              <Td className="whitespace-nowrap">{stamp(token.createdAt)}</Td>
              <Td>{token.createdBy}</Td>
              <Td className="whitespace-nowrap">{stamp(token.lastUsedAt)}</Td>
              <Td>{token.revokedAt ? <Badge tone="neutral">revoked {stamp(token.revokedAt)}</Badge> : <Badge tone="ok">active</Badge>}</Td>
              <Td>{!token.revokedAt && <IngestTokenActions name={token.name} />}</Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <section className="mt-6 max-w-xl" aria-labelledby="new-token-heading">
        <h2 id="new-token-heading" className="mb-2 text-base font-semibold">Make a token</h2>
        <NewIngestTokenForm />
      </section>
    </>
  );
}
