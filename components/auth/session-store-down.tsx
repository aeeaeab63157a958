import { AutoRefresh } from "@/components/auto-refresh";

/** Shown instead of any page while sessions cannot be checked; fills in by itself once Postgres answers. */
export function SessionStoreDown({ error }: { error: string }) {
  return (
    <div className="space-y-3">
      <div role="alert" data-testid="session-store-down" className="max-w-2xl rounded-lg border border-bad/40 bg-bad-soft px-5 py-4 text-sm">
        <h2 className="text-base font-semibold text-bad">Flowdeck&apos;s Postgres is not answering</h2>
        <p className="mt-1">
          Sign-ins and sessions are kept there, so Flowdeck cannot check who you are and shows nothing until it answers.
          Spans sent now are refused (exporters retry them). This page tries again every few seconds.
        </p>
        <p className="mt-1 font-mono text-xs [overflow-wrap:anywhere]">{error}</p>
      </div>
      <AutoRefresh updatedAt={new Date().toISOString()} intervalMs={5_000} />
    </div>
  );
}
