import Link from "next/link";
import { PRESET_NAMES, presetHref, type TracesView } from "./search-url";

/** One click to the last 15 minutes … 24 hours, keeping the other filters. */
export function RangePresets({ view }: { view: TracesView }) {
  return (
    <nav aria-label="Time range" className="inline-flex overflow-hidden rounded-md border border-border text-sm">
      {PRESET_NAMES.map((preset) => (
        <Link
          key={preset}
          href={presetHref(view, preset)}
          aria-current={view.range === preset ? "true" : undefined}
          className="border-r border-border px-2.5 py-1 text-muted last:border-r-0 hover:bg-surface-2 hover:text-fg aria-[current=true]:bg-accent-soft aria-[current=true]:font-medium aria-[current=true]:text-fg"
        >
          Last {preset}
        </Link>
      ))}
      {view.range === "custom" && <span className="bg-accent-soft px-2.5 py-1 font-medium">Custom</span>}
    </nav>
  );
}
