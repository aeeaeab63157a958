"use client";

import { useTimePreference } from "./time-context";
import type { TimeMode } from "./time-preference";

const options: { mode: TimeMode; label: string }[] = [
  { mode: "utc", label: "UTC" },
  { mode: "local", label: "Local" },
];

/** Two pressed-state buttons: every <Time> on the page follows the choice. */
export function TimeModeToggle() {
  const { mode, setMode } = useTimePreference();
  return (
    <div role="group" aria-label="Show times in" className="flex rounded-md border border-border bg-surface p-0.5 text-sm">
      {options.map((option) => (
        <button
          key={option.mode}
          type="button"
          aria-pressed={mode === option.mode}
          onClick={() => setMode(option.mode)}
          className="flex-1 rounded px-2 py-1 text-muted hover:text-fg aria-pressed:bg-accent-soft aria-pressed:font-medium aria-pressed:text-fg"
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
