import { formatLatency } from "./format";

/** The red panel for a cluster that did not answer: what failed, where Flowdeck looked, and what happens next. */
export function ClusterUnreachable({ name, error, configuredBrokers, latencyMs }: { name: string; error: string; configuredBrokers: string[]; latencyMs: number }) {
  return (
    <div role="alert" className="m-4 rounded-md border border-bad/40 bg-bad-soft px-4 py-3 text-sm">
      <p className="font-semibold text-bad">Cluster {name} is unreachable</p>
      <p className="mt-1 font-mono text-[13px] break-words">{error}</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        <dt className="text-muted">Configured brokers</dt>
        <dd className="font-mono text-[13px] wrap-anywhere">{configuredBrokers.length > 0 ? configuredBrokers.join(", ") : "—"}</dd>
        <dt className="text-muted">Gave up after</dt>
        <dd className="tabular-nums">{formatLatency(latencyMs)}</dd>
      </dl>
      <p className="mt-2 text-muted">This page checks again by itself every 5 seconds; the cluster reappears here as soon as it answers.</p>
    </div>
  );
}
