import type { MessagingHop } from "./waterfall-model";

/** "orders · p2 · @4711": the Kafka coordinates of a messaging span, as text. */
export function messagingText(hop: MessagingHop): string {
  const parts = [hop.topic];
  if (hop.partition !== null) parts.push(`p${String(hop.partition)}`);
  if (hop.offset !== null) parts.push(`@${hop.offset}`);
  return parts.join(" · ");
}

export function MessagingLabel({ hop }: { hop: MessagingHop }) {
  const title = [`${hop.operation ? `${hop.operation}: ` : ""}topic ${hop.topic}`, hop.partition !== null ? `partition ${String(hop.partition)}` : null, hop.offset !== null ? `offset ${hop.offset}` : null]
    .filter((p) => p !== null)
    .join(", ");
  return (
    <span data-testid="messaging-label" title={title} className="inline-flex max-w-full shrink-0 items-center gap-1 rounded bg-accent-soft px-1 font-mono text-[11px] leading-4 text-accent">
      <span aria-hidden="true">⇄</span>
      <span className="truncate">{messagingText(hop)}</span>
    </span>
  );
}
