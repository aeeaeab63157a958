"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";
import { TIME_MODE_COOKIE, TIME_ZONE_COOKIE, type TimeMode, type TimePreference } from "./time-preference";

type TimeContextValue = { mode: TimeMode; timeZone: string; setMode: (mode: TimeMode) => void };

const fallback: TimeContextValue = { mode: "utc", timeZone: "UTC", setMode: () => {} };
const TimeContext = createContext<TimeContextValue>(fallback);

const ONE_YEAR_S = 365 * 24 * 60 * 60;

function writeCookie(name: string, value: string): void {
  document.cookie = `${name}=${value}; path=/; max-age=${ONE_YEAR_S}; SameSite=Lax`;
}

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

// The browser's zone never changes while a page is open, so there is nothing to subscribe to.
const subscribeNever = () => () => {};

/** Holds the UTC/local choice; `initial` comes from the cookies the server read. */
export function TimeProvider({ initial, children }: { initial: TimePreference; children: ReactNode }) {
  const [mode, setModeState] = useState<TimeMode>(initial.mode);
  const zone = useSyncExternalStore(subscribeNever, browserTimeZone, () => initial.timeZone ?? "UTC");

  useEffect(() => {
    // Tell the server this browser's zone (first visit, or the laptop travelled) for the next render.
    if (zone !== initial.timeZone) writeCookie(TIME_ZONE_COOKIE, zone);
  }, [zone, initial.timeZone]);

  const setMode = useCallback((next: TimeMode) => {
    setModeState(next);
    writeCookie(TIME_MODE_COOKIE, next);
  }, []);

  const value = useMemo(() => ({ mode, timeZone: mode === "utc" ? "UTC" : zone, setMode }), [mode, zone, setMode]);
  return <TimeContext value={value}>{children}</TimeContext>;
}

export function useTimePreference(): TimeContextValue {
  return useContext(TimeContext);
}
