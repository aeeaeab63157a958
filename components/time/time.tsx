"use client";

import { formatTimestamp, fullIso, type TimeFormat } from "./format-timestamp";
import { useTimePreference } from "./time-context";

/** A timestamp in UTC or the browser's zone, per the operator's toggle; hover shows the full ISO instant. */
export function Time({ value, format = "datetime", className }: { value: string; format?: TimeFormat; className?: string }) {
  const { timeZone } = useTimePreference();
  return (
    <time dateTime={fullIso(value)} title={fullIso(value)} className={`tabular-nums ${className ?? ""}`} suppressHydrationWarning>
      {formatTimestamp(value, timeZone, format)}
    </time>
  );
}
