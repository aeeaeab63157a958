/** Postgres does not answer: the sagas, breakers, DLQ index and ingest figures cannot be read, and this says why. */
export function StoreUnreachable({ error }: { error: string }) {
  return (
    <div role="alert" data-testid="overview-store-down" className="rounded-lg border border-bad/40 bg-bad-soft px-5 py-4 text-sm">
      <h2 className="text-base font-semibold text-bad">Flowdeck&apos;s Postgres is not answering</h2>
      <p className="mt-1">
        Sagas, circuit breakers, dead letters and ingest cannot be read, and spans sent now are refused (exporters retry them).
        This page tries again on every refresh and fills in by itself once Postgres answers.
      </p>
      <p className="mt-1 font-mono text-xs [overflow-wrap:anywhere]">{error}</p>
    </div>
  );
}
