import type { SagaDisplayStatus } from "@/lib/sagas/queries/saga-filter";
import { Badge, type Tone } from "@/components/ui/badge";

// Red for what is broken and will not fix itself, amber for what was or is being undone.
export const SAGA_STATUS_TONE: Record<SagaDisplayStatus, Tone> = {
  failed: "bad", stuck: "bad", compensating: "warn", compensated: "warn", started: "accent", completed: "ok",
};

export const SAGA_STATUS_HELP: Record<SagaDisplayStatus, string> = {
  failed: "Ended failed: a step failed and was not (or could not be) compensated",
  stuck: "Started or compensating, with no new step for longer than the stuck threshold",
  compensating: "A step failed; the steps before it are being undone",
  compensated: "A step failed and every step before it was undone",
  started: "Running, with recent progress",
  completed: "Every step succeeded",
};

export function SagaStatusBadge({ status }: { status: SagaDisplayStatus }) {
  return <Badge tone={SAGA_STATUS_TONE[status]} title={SAGA_STATUS_HELP[status]} testId="saga-status">{status}</Badge>;
}
