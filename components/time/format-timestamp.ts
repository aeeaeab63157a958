export type TimeFormat = "datetime" | "time";

const formatters = new Map<string, Intl.DateTimeFormat>();

// A fixed locale and numeric offsets ("GMT+2") so the server and every browser print the same text.
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZoneName: "shortOffset",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** "2026-03-14 02:07:31 UTC" (or "02:07:31 GMT+1" for format "time"); an unparseable value is returned as is. */
export function formatTimestamp(value: string, timeZone: string, format: TimeFormat = "datetime"): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const parts = formatterFor(timeZone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const time = `${part("hour")}:${part("minute")}:${part("second")}`;
  const zone = timeZone === "UTC" ? "UTC" : part("timeZoneName");
  return format === "time" ? `${time} ${zone}` : `${part("year")}-${part("month")}-${part("day")} ${time} ${zone}`;
}

/** The full ISO-8601 instant, for title attributes. */
export function fullIso(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}
