import { formatTimestamp } from "@/components/time/format-timestamp";

/** A chart axis tick: "09:30" within a day, "03-14 09:30" for longer spans, in the operator's zone. */
export function axisTime(ms: number, timeZone: string, spanMs: number): string {
  const text = formatTimestamp(new Date(ms).toISOString(), timeZone, "datetime");
  const [date = "", time = ""] = text.split(" ");
  return spanMs > 24 * 60 * 60_000 ? `${date.slice(5)} ${time.slice(0, 5)}` : time.slice(0, 5);
}

/** A tooltip's time: the full date and time with the zone. */
export function tooltipTime(ms: number, timeZone: string): string {
  return formatTimestamp(new Date(ms).toISOString(), timeZone, "datetime");
}
