import type { Metadata } from "next";
import Link from "next/link";
import { getApprovalRequestForJob, getRedriveJob, listRedriveItems } from "@/lib/dlq";
import { AutoRefresh } from "@/components/auto-refresh";
import { JobApproval } from "@/components/dlq/job-approval";
import { JobControls } from "@/components/dlq/job-controls";
import { JobItemsTable } from "@/components/dlq/job-items-table";
import { JobProgress } from "@/components/dlq/job-progress";
import { Badge, type Tone } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageRole } from "@/lib/auth/page-access";
import { hasRole } from "@/lib/auth";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Redrive job" };

const STATUS_TONE: Record<string, Tone> = { awaiting_approval: "warn", running: "accent", paused: "warn", cancelled: "neutral", completed: "ok" };
const ITEM_STATUSES = ["sent", "failed", "skipped", "pending", "cancelled"] as const;

type Query = { after?: string; status?: string; conflicts?: string };

export default async function RedriveJobPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Query> }) {
  const operator = await requirePageRole();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const job = await getRedriveJob(id);
  if (!job) {
    return (
      <>
        <PageHeader title="Redrive job" description={id} />
        <p role="alert" className="rounded-lg border border-warn/40 bg-warn-soft px-5 py-4 text-sm">There is no redrive job {id}.</p>
        <Link href="/dlq/jobs" className="text-sm text-muted hover:text-fg">← All redrive jobs</Link>
      </>
    );
  }
  const after = query.after && /^\d{1,19}$/.test(query.after) ? query.after : undefined;
  const status = ITEM_STATUSES.find((s) => s === query.status);
  const [{ items, nextAfter }, approval] = await Promise.all([listRedriveItems(job.id, { afterId: after, status }), getApprovalRequestForJob(job.id)]);
  // Who may decide is shown here for convenience only: the server action checks it again.
  const isOperator = hasRole(operator, "operator");
  const viewer = { isRequester: isOperator && approval?.requestedById === operator.id, canDecide: isOperator && approval?.requestedById !== operator.id };
  const source = `/dlq/${encodeURIComponent(job.cluster)}/${encodeURIComponent(job.sourceTopic)}`;
  const live = job.status === "running" || job.inDoubt;
  const base = `/dlq/jobs/${job.id}`;
  const conflicts = Number(query.conflicts ?? 0);
  return (
    <>
      <PageHeader title="Redrive job" description={`${job.sourceTopic} on ${job.cluster} → ${job.targetTopic ?? "each message's original topic"}`} />
      <div className="mb-4 flex flex-wrap items-center gap-3 text-sm">
        <Badge tone={STATUS_TONE[job.status] ?? "neutral"} testId="job-status">{job.status.replace("_", " ")}</Badge>
        <span className="text-muted">by {job.requestedBy} · {job.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</span>
        <span className="text-muted">{job.velocity === null ? "no velocity limit" : `at most ${job.velocity.toLocaleString("en-US")} messages/s`}</span>
        {job.overrideBreakers && <Badge tone="warn">breakers overridden</Badge>}
        {job.overrideLoopGuard && <Badge tone="warn">loop guard overridden</Badge>}
        {hasRole(operator, "operator") && <span className="ml-auto"><JobControls jobId={job.id} status={job.status} /></span>}
      </div>
      {approval && <JobApproval request={approval} viewer={viewer} />}
      {conflicts > 0 && (
        <p role="status" className="mb-3 text-sm text-warn">{conflicts.toLocaleString("en-US")} of the selected messages were already in another active redrive job and stay with it.</p>
      )}
      {job.waitReason && live && <p role="alert" data-testid="job-wait-reason" className="mb-3 rounded border border-warn/40 bg-warn-soft px-4 py-2 text-sm">{job.waitReason}</p>}
      <JobProgress job={job} />
      {(live || job.status === "awaiting_approval") && (
        <div className="mt-2"><AutoRefresh updatedAt={new Date().toISOString()} intervalMs={live ? 1_000 : 5_000} /></div>
      )}
      <section className="mt-6">
        <div className="mb-2 flex items-center justify-between">
          <h2 id="job-items-heading" className="text-sm font-medium">Messages</h2>
          <nav aria-label="Item status" className="flex gap-3 text-sm">
            <Link href={base} className={status ? "text-muted" : "font-medium"}>All</Link>
            {ITEM_STATUSES.map((s) => <Link key={s} href={`${base}?status=${s}`} className={status === s ? "font-medium" : "text-muted"}>{s}</Link>)}
          </nav>
        </div>
        <JobItemsTable items={items} sourceHref={(item) => `${source}?status=any&msg=${item.partition}:${item.offset}`} />
        <div className="mt-3 flex gap-4 text-sm">
          {after && <Link href={`${base}${status ? `?status=${status}` : ""}`} className="text-accent hover:underline">First</Link>}
          {nextAfter && <Link href={`${base}?after=${nextAfter}${status ? `&status=${status}` : ""}`} className="text-accent hover:underline">Next →</Link>}
        </div>
      </section>
      <div className="mt-6 flex gap-4 text-sm">
        <Link href={source} className="text-muted hover:text-fg">← {job.sourceTopic}</Link>
        <Link href="/dlq/jobs" className="text-muted hover:text-fg">All redrive jobs</Link>
      </div>
    </>
  );
}
