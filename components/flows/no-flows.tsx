/** Spans arrive, but none in the window is a messaging span: say what makes an edge, not just "nothing". */
export function NoFlowsInWindow() {
  return (
    <div data-testid="flows-empty" className="max-w-3xl rounded-lg border border-dashed border-border bg-surface px-5 py-4 text-sm">
      <h2 className="text-base font-semibold">No messages moved in this time range</h2>
      <p className="mt-1">
        The map is drawn from messaging spans: a producer&apos;s <code className="font-mono text-[13px]">send</code> span and a
        consumer&apos;s <code className="font-mono text-[13px]">process</code> or <code className="font-mono text-[13px]">receive</code> span,
        each with <code className="font-mono text-[13px]">messaging.system</code> and <code className="font-mono text-[13px]">messaging.destination.name</code>
        {" "}(and <code className="font-mono text-[13px]">messaging.consumer.group.name</code> on consumers), as OpenTelemetry&apos;s Kafka
        instrumentations record them. Pick a longer range, or check that your services record those spans.
      </p>
    </div>
  );
}
