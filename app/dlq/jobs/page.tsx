import type { Metadata } from "next";
import Link from "next/link";
import { listRedriveJobs } from "@/lib/dlq";
import { Badge, type Tone } from "@/components/ui/badge";
import { DataTable, EmptyRow, Td, Th } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageRole } from "@/lib/auth/page-access";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Redrive jobs" };

const STATUS_TONE: Record<string, Tone> = { awaiting_approval: "warn", running: "accent", paused: "warn", cancelled: "neutral", completed: "ok" };

export default async function RedriveJobsPage() {
  await requirePageRole();
  const jobs = await listRedriveJobs({ limit: 100 });
  return (
    <>
      <PageHeader title="Redrive jobs" description="The newest 100 redrives, running or done" />
      <h2 id="jobs-heading" className="sr-only">Redrive jobs</h2>
      <DataTable labelledBy="jobs-heading" testId="redrive-jobs">
        <thead>
          <tr><Th>Started (UTC)</Th><Th>From</Th><Th>To</Th><Th>Status</Th><Th align="right">Sent</Th><Th align="right">Failed</Th><Th align="right">Total</Th><Th>By</Th></tr>
        </thead>
        <tbody>
          {jobs.length === 0 && <EmptyRow colSpan={8}>No redrive yet. Start one from a DLQ topic&apos;s messages.</EmptyRow>}
          {jobs.map((job) => (
            <tr key={job.id}>
              <Td className="whitespace-nowrap"><Link href={`/dlq/jobs/${job.id}`} className="text-accent hover:underline">{job.createdAt.toISOString().replace("T", " ").slice(0, 19)}</Link></Td>
              <Td className="font-mono text-xs">{job.sourceTopic}</Td>
              <Td className="font-mono text-xs">{job.targetTopic ?? <span className="text-muted">original topics</span>}</Td>
              <Td><Badge tone={STATUS_TONE[job.status] ?? "neutral"}>{job.status === "awaiting_approval" ? "awaiting approval" : job.status}</Badge>{job.waitReason && job.status === "running" && <span className="ml-2 text-xs text-warn">waiting</span>}</Td>
              <Td align="right">{job.sent.toLocaleString("en-US")}</Td>
              <Td align="right">{job.failed.toLocaleString("en-US")}</Td>
              <Td align="right">{job.total.toLocaleString("en-US")}</Td>
              <Td>{job.requestedBy}</Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
