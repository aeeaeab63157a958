import { formatDurationMs } from "@/components/traces/format";

/** An ended saga's duration; a running one's time so far, said as such. */
export function sagaDuration(saga: { startedAt: Date; endedAt: Date | null }, now: Date): string {
  if (saga.endedAt) return formatDurationMs(saga.endedAt.getTime() - saga.startedAt.getTime());
  return `${formatDurationMs(Math.max(0, now.getTime() - saga.startedAt.getTime()))} so far`;
}
