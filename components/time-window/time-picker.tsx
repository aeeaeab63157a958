"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { toWallTime } from "@/components/traces/wall-time";
import { inputClass } from "@/components/traces/field";
import { WINDOW_PRESET_NAMES, withWindow, type TimeWindow } from "./time-window";

/**
 * 15m · 1h · 6h · 24h · Custom for any page whose window lives in the URL. Presets are links (they
 * keep the page's filters); Custom opens two wall-clock fields read in the operator's zone.
 */
export function TimePicker({ window, timeZone }: { window: TimeWindow; timeZone: string }) {
  const pathname = usePathname();
  const params = useSearchParams();
  const router = useRouter();
  const [customOpen, setCustomOpen] = useState(window.range === "custom");
  const hrefFor = (next: URLSearchParams) => `${pathname}?${next.toString()}`;

  return (
    <div className="flex flex-wrap items-center gap-2">
      <nav aria-label="Time range" className="inline-flex overflow-hidden rounded-md border border-border text-sm">
        {WINDOW_PRESET_NAMES.map((preset) => (
          <Link
            key={preset}
            href={hrefFor(withWindow(new URLSearchParams(params.toString()), { range: preset }))}
            aria-current={window.range === preset ? "true" : undefined}
            className="border-r border-border px-2.5 py-1 text-muted hover:bg-surface-2 hover:text-fg aria-[current=true]:bg-accent-soft aria-[current=true]:font-medium aria-[current=true]:text-fg"
          >
            {preset}
          </Link>
        ))}
        <button
          type="button"
          aria-expanded={customOpen}
          aria-current={window.range === "custom" ? "true" : undefined}
          onClick={() => setCustomOpen((open) => !open)}
          className="px-2.5 py-1 text-muted hover:bg-surface-2 hover:text-fg aria-[current=true]:bg-accent-soft aria-[current=true]:font-medium aria-[current=true]:text-fg"
        >
          Custom
        </button>
      </nav>
      {customOpen && (
        <form
          aria-label="Custom time range"
          className="flex flex-wrap items-center gap-2 text-sm"
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            const field = (name: string) => {
              const value = data.get(name);
              return typeof value === "string" ? value : "";
            };
            const from = field("from");
            const to = field("to");
            router.push(hrefFor(withWindow(new URLSearchParams(params.toString()), { range: "custom", from, to, tz: timeZone })));
          }}
        >
          <label className="flex items-center gap-1 text-muted">
            From
            <input name="from" type="datetime-local" step="1" required defaultValue={toWallTime(window.from, timeZone)} className={inputClass} />
          </label>
          <label className="flex items-center gap-1 text-muted">
            To
            <input name="to" type="datetime-local" step="1" required defaultValue={toWallTime(window.to, timeZone)} className={inputClass} />
          </label>
          <span className="text-xs text-faint">{timeZone}</span>
          <button type="submit" className="rounded-md border border-border px-2.5 py-1 hover:bg-surface-2">Apply</button>
        </form>
      )}
    </div>
  );
}
