// Cookies (not localStorage) so the server renders timestamps in the operator's zone: no flash, no hydration mismatch.
export const TIME_MODE_COOKIE = "flowdeck-time";
export const TIME_ZONE_COOKIE = "flowdeck-tz";

export type TimeMode = "utc" | "local";
export type TimePreference = { mode: TimeMode; timeZone: string | null };

/** Reads the two cookies' raw values; anything unknown falls back to UTC. */
export function parseTimePreference(mode: string | undefined, timeZone: string | undefined): TimePreference {
  return { mode: mode === "local" ? "local" : "utc", timeZone: timeZone && isTimeZone(timeZone) ? timeZone : null };
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
