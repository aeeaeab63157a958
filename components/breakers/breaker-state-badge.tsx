import type { BreakerStateName } from "@/lib/projections/breaker-events";
import { Badge, type Tone } from "@/components/ui/badge";

const LOOK: Record<BreakerStateName, { tone: Tone; label: string; title: string }> = {
  open: { tone: "bad", label: "open", title: "Open: calls are rejected without reaching the dependency" },
  half_open: { tone: "warn", label: "half-open", title: "Half-open: a trial call decides whether it closes or opens again" },
  closed: { tone: "ok", label: "closed", title: "Closed: calls go through" },
};

/** null: calls were seen but never a state change. */
export function BreakerStateBadge({ state, testId }: { state: BreakerStateName | null; testId?: string }) {
  if (state === null) return <Badge tone="neutral" testId={testId} title="No state change seen yet; breakers start closed">no change seen</Badge>;
  const look = LOOK[state];
  return <Badge tone={look.tone} testId={testId} title={look.title}>{look.label}</Badge>;
}
