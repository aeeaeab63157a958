/** No saga was ever projected: say which span attributes make one, rather than just "no results". */
export function NoSagasYet() {
  return (
    <div data-testid="sagas-empty" className="max-w-3xl rounded-lg border border-dashed border-border bg-surface px-5 py-4 text-sm">
      <h2 className="text-base font-semibold">No sagas yet</h2>
      <p className="mt-1">
        Flowdeck builds sagas from the spans your services export over OTLP/HTTP to{" "}
        <code className="font-mono text-[13px]">/api/otlp/v1/traces</code>. Put these attributes on the span of each step:
      </p>
      <pre className="mt-2 overflow-x-auto rounded-md bg-surface-2 px-3 py-2 font-mono text-[13px]">
        {"saga.id        = <instance id, shared by all its steps>\nsaga.name      = order-fulfillment\nsaga.key       = <business key, e.g. an order id>\nsaga.step      = charge-payment\nsaga.step.kind = action | compensation"}
      </pre>
      <p className="mt-2">
        and a span event <code className="font-mono text-[13px]">saga.status</code> (started, completed, compensating, compensated or failed)
        when the saga&apos;s status changes. A failed step is a span with status error.
      </p>
      <p className="mt-2 text-muted">
        Sample saga spans at 100% (or tail-sample to keep <code className="font-mono">saga.*</code>), or steps will be missing.
        To see it working, <code className="font-mono">npm run demo</code> runs a small order system that feeds this page.
      </p>
    </div>
  );
}
