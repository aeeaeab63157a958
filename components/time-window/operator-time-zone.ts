import "server-only";
import { cookies } from "next/headers";
import { TIME_MODE_COOKIE, TIME_ZONE_COOKIE, parseTimePreference } from "@/components/time/time-preference";

/** The zone the operator reads times in (the UTC/local toggle); custom windows are typed in it. */
export async function operatorTimeZone(): Promise<string> {
  const cookieStore = await cookies();
  const preference = parseTimePreference(cookieStore.get(TIME_MODE_COOKIE)?.value, cookieStore.get(TIME_ZONE_COOKIE)?.value);
  return preference.mode === "local" && preference.timeZone ? preference.timeZone : "UTC";
}
