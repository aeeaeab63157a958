import type { Metadata } from "next";
import Link from "next/link";
import { getOperator } from "@/lib/auth";
import { listDlqTopics, listRedriveJobs } from "@/lib/dlq";
import { configuredClusterNames } from "@/lib/kafka";
import { getConfig } from "@/lib/config";
import { AutoRefresh } from "@/components/auto-refresh";
import { DlqTopicsTable } from "@/components/dlq/dlq-topics-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageRole } from "@/lib/auth/page-access";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "DLQ" };

const REFRESH_MS = 5_000;

export default async function DlqPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageRole();
  const requested = (await searchParams).cluster;
  const clusters = configuredClusterNames();
  const cluster = typeof requested === "string" ? requested : getConfig().defaultCluster;
  const renderedAt = new Date();
  return (
    <>
      <PageHeader
        title="Dead-letter queues"
        description="Every DLQ topic with what is waiting in it, counted from Flowdeck's index of the messages."
        actions={<AutoRefresh updatedAt={renderedAt.toISOString()} intervalMs={REFRESH_MS} />}
      />
      {clusters.length > 1 && (
        <nav aria-label="Clusters" className="mb-4 flex gap-2 text-sm">
          {clusters.map((name) => (
            <Link key={name} href={`/dlq?cluster=${encodeURIComponent(name)}`} aria-current={name === cluster ? "page" : undefined}
              className={`rounded px-2 py-1 ${name === cluster ? "bg-accent-soft text-accent" : "text-muted hover:text-fg"}`}>
              {name}
            </Link>
          ))}
        </nav>
      )}
      <ActiveJobs />
      {clusters.includes(cluster) ? (
        <section>
          <h2 id="dlq-topics-heading" className="mb-2 text-sm font-medium">DLQ topics on {cluster}</h2>
          <DlqTopicsTable topics={await listDlqTopics(cluster, await getOperator())} now={renderedAt.getTime()} />
        </section>
      ) : (
        <p role="alert" data-testid="dlq-unknown-cluster" className="rounded-lg border border-warn/40 bg-warn-soft px-5 py-4 text-sm">
          There is no cluster named “{cluster}”. Configured: {clusters.join(", ")}.
        </p>
      )}
    </>
  );
}

/** Redrives under way, above the topics, so whoever opens the DLQ page during an incident sees them first. */
async function ActiveJobs() {
  const active = (await listRedriveJobs({ limit: 20 })).filter((job) => job.status === "running" || job.status === "paused");
  return (
    <section aria-label="Redrives under way" className="mb-4 text-sm">
      {active.length > 0 && (
        <ul className="mb-1 flex flex-col gap-1">
          {active.map((job) => (
            <li key={job.id} className="flex items-center gap-2">
              <Link href={`/dlq/jobs/${job.id}`} className="text-accent hover:underline">Redrive of {job.sourceTopic}</Link>
              <span className="text-muted">{job.status}{job.waitReason && job.status === "running" ? " · waiting" : ""} · {(job.sent + job.failed + job.skipped).toLocaleString("en-US")} of {job.total.toLocaleString("en-US")}</span>
            </li>
          ))}
        </ul>
      )}
      <Link href="/dlq/jobs" className="text-muted hover:text-fg">All redrive jobs →</Link>
    </section>
  );
}
