/** Spans arrive, but none says anything about a circuit breaker: say what Flowdeck looks for. */
export function NoBreakersYet() {
  return (
    <div data-testid="breakers-empty" className="max-w-3xl rounded-lg border border-dashed border-border bg-surface px-5 py-4 text-sm">
      <h2 className="text-base font-semibold">No circuit breakers seen yet</h2>
      <p className="mt-1">
        A breaker appears here once a service reports it. Give each guarded call the attributes{" "}
        <code className="font-mono text-[13px]">circuit_breaker.name</code> and{" "}
        <code className="font-mono text-[13px]">circuit_breaker.outcome</code> (success, failure, timeout, rejected or fallback),
        and record each state change as a span event <code className="font-mono text-[13px]">circuit_breaker.state_change</code> with{" "}
        <code className="font-mono text-[13px]">circuit_breaker.state</code> and <code className="font-mono text-[13px]">circuit_breaker.previous_state</code>.
      </p>
      <p className="mt-2 text-muted">Sample these spans at 100% (or tail-sample to keep them): the board and the history are built from them.</p>
    </div>
  );
}
