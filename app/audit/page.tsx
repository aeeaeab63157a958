import type { Metadata } from "next";
import Link from "next/link";
import { listAuditEvents } from "@/lib/audit";
import { AuditTable } from "@/components/audit/audit-table";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit" };

const PAGE = 100;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { action, before } = await searchParams;
  const filter = typeof action === "string" && /^[a-z]+\.[a-z-]+$/.test(action) ? action : undefined;
  const beforeId = typeof before === "string" && /^\d{1,18}$/.test(before) ? BigInt(before) : undefined;
  const events = await listAuditEvents({ action: filter, beforeId, limit: PAGE });
  const last = events.at(-1);
  return (
    <>
      <PageHeader title="Audit" description="Who redrove, discarded or changed what, when, and how it turned out." />
      <h2 id="audit-heading" className="mb-2 text-sm font-medium">{filter ? `Events: ${filter}` : "All events"}, newest first</h2>
      <AuditTable events={events} />
      <div className="mt-3 flex gap-4 text-sm">
        {beforeId !== undefined && <Link href={filter ? `/audit?action=${filter}` : "/audit"} className="text-accent hover:underline">Newest</Link>}
        {events.length === PAGE && last && (
          <Link href={`/audit?${new URLSearchParams({ ...(filter ? { action: filter } : {}), before: last.id }).toString()}`} className="text-accent hover:underline">Older →</Link>
        )}
      </div>
    </>
  );
}
