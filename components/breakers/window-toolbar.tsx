import { AutoRefresh } from "@/components/auto-refresh";
import { ProjectionLagNote } from "@/components/projection-lag-note";
import { TimePicker } from "@/components/time-window/time-picker";
import type { TimeWindow } from "@/components/time-window/time-window";

/** The time window, live refresh and the projection lag note, as every breakers page shows them. */
export function WindowToolbar({ window, timeZone, renderedAt, refreshMs, lagSeconds }: { window: TimeWindow; timeZone: string; renderedAt: string; refreshMs: number; lagSeconds: number }) {
  return (
    <div className="mb-4 flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <TimePicker window={window} timeZone={timeZone} />
        <AutoRefresh updatedAt={renderedAt} intervalMs={refreshMs} />
      </div>
      <ProjectionLagNote seconds={lagSeconds} what="Breaker states and call counts" />
    </div>
  );
}
