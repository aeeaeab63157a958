import type { RedriveJobView } from "@/lib/dlq";

const n = (value: number) => value.toLocaleString("en-US");

function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3_600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return `${Math.floor(seconds / 3_600)} h ${Math.floor((seconds % 3_600) / 60)} min`;
}

/** The job's progress bar (sent, failed, skipped, cancelled of the total), its rate and the time left. */
export function JobProgress({ job }: { job: RedriveJobView }) {
  const done = job.sent + job.failed + job.skipped + job.cancelled;
  const share = (count: number) => `${job.total === 0 ? 0 : (count / job.total) * 100}%`;
  return (
    <section aria-label="Progress" className="flex flex-col gap-2">
      <div role="progressbar" aria-label="Redrive progress" aria-valuemin={0} aria-valuemax={job.total} aria-valuenow={done}
        className="flex h-3 w-full overflow-hidden rounded bg-surface-2 ring-1 ring-border">
        <div className="bg-ok" style={{ width: share(job.sent) }} />
        <div className="bg-bad" style={{ width: share(job.failed) }} />
        <div className="bg-warn" style={{ width: share(job.skipped) }} />
        <div className="bg-muted" style={{ width: share(job.cancelled) }} />
      </div>
      <p className="flex flex-wrap gap-x-4 text-sm" data-testid="job-counts">
        <span><strong>{n(done)}</strong> of {n(job.total)} done</span>
        <span className="text-ok">{n(job.sent)} sent</span>
        {job.failed > 0 && <span className="text-bad">{n(job.failed)} failed</span>}
        {job.skipped > 0 && <span className="text-warn">{n(job.skipped)} skipped</span>}
        {job.cancelled > 0 && <span className="text-muted">{n(job.cancelled)} cancelled</span>}
        {job.rate !== null && job.sent > 0 && <span className="text-muted">{n(Math.round(job.rate))} messages/s</span>}
        {job.etaSeconds !== null && job.etaSeconds > 0 && <span className="text-muted" data-testid="job-eta">about {duration(job.etaSeconds)} left</span>}
      </p>
    </section>
  );
}
