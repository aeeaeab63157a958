// Custom time ranges come from <input type="datetime-local">: a wall-clock time with no zone. It is read
// in the zone named beside it (the operator's, from the UTC/local toggle), so a pasted link stays exact.

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock fields of `epochMs` in `timeZone`, as if they were UTC (so offset = that − epochMs). */
function wallFieldsAsUtc(epochMs: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? "0");
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"), epochMs % 1000 < 0 ? 0 : epochMs % 1000);
}

/**
 * "2026-03-14T09:30" in `timeZone` → that instant; an ISO-8601 time with a zone ("…Z", "…+02:00") is read
 * as it is. Null when the text is neither.
 */
export function parseTimeInput(text: string, timeZone: string): Date | null {
  const trimmed = text.trim();
  if (HAS_ZONE.test(trimmed) && /^\d{4}-\d{2}-\d{2}T/.test(trimmed)) {
    const date = new Date(trimmed);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  const match = WALL_TIME.exec(trimmed);
  if (!match) return null;
  const [, y, mo, d, h, mi, s = "0", frac = "0"] = match;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(frac.padEnd(3, "0")));
  if (Number.isNaN(asUtc) || new Date(asUtc).getUTCDate() !== Number(d)) return null;
  // Guess with the offset at the wall time, then correct once for a DST change between guess and answer.
  let instant = asUtc - (wallFieldsAsUtc(asUtc, timeZone) - asUtc);
  instant = asUtc - (wallFieldsAsUtc(instant, timeZone) - instant);
  return new Date(instant);
}

/** The instant as "2026-03-14T09:30:00" in `timeZone`, the value a datetime-local input takes. */
export function toWallTime(date: Date, timeZone: string): string {
  return new Date(wallFieldsAsUtc(date.getTime(), timeZone)).toISOString().slice(0, 19);
}
