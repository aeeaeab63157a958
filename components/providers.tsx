"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { TimeProvider } from "./time/time-context";
import type { TimePreference } from "./time/time-preference";

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Live views poll on their own interval; a few seconds of reuse avoids duplicate fetches between widgets.
        staleTime: 5_000,
        // Switching back from the incident channel should not refetch every table at once.
        refetchOnWindowFocus: false,
        retry: 1,
      },
    },
  });
}

/** Client-side context for every page: TanStack Query and the UTC/local time choice. */
export function Providers({ timePreference, children }: { timePreference: TimePreference; children: ReactNode }) {
  // One client per browser tab (created lazily so it survives re-renders but not page loads).
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TimeProvider initial={timePreference}>{children}</TimeProvider>
    </QueryClientProvider>
  );
}
