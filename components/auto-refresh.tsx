"use client";

import { useRouter } from "next/navigation";
import { useEffect, useTransition } from "react";
import { Time } from "@/components/time/time";

/**
 * Re-renders the page's server components every `intervalMs` through router.refresh(), which keeps
 * scroll position and client state (open rows, toggles). Paused while the tab is hidden, and never
 * two refreshes at once, so a slow broker cannot pile requests up.
 */
export function AutoRefresh({ updatedAt, intervalMs }: { updatedAt: string; intervalMs: number }) {
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();

  useEffect(() => {
    if (refreshing) return;
    const refresh = () => {
      if (document.visibilityState === "visible") startTransition(() => router.refresh());
    };
    const timer = window.setInterval(refresh, intervalMs);
    // Coming back to the tab shows fresh data at once rather than up to one interval later.
    document.addEventListener("visibilitychange", refresh);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [refreshing, router, intervalMs]);

  return (
    <p className="flex items-center gap-2 text-sm text-muted">
      <span aria-hidden="true" className={`size-2 rounded-full bg-ok ${refreshing ? "animate-pulse" : ""}`} />
      <span>
        Refreshes every {Math.round(intervalMs / 1000)} s · updated <Time value={updatedAt} format="time" className="text-fg" />
      </span>
    </p>
  );
}
