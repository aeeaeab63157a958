import type { TimeWindow } from "@/components/time-window/time-window";

const PRESET_LABELS = { "15m": "last 15 min", "1h": "last hour", "6h": "last 6 h", "24h": "last 24 h" } as const;

/** How the page names its window in sentences and column headings: "last hour", or "chosen window". */
export function windowLabel(window: TimeWindow): string {
  return window.range === "custom" ? "chosen window" : PRESET_LABELS[window.range];
}
