"use client";

import dynamic from "next/dynamic";

// Recharts is most of a chart's weight: it loads when a panel with a chart opens, not with the map.
export const LazySeriesChart = dynamic(() => import("./series-chart").then((m) => m.SeriesChart), {
  ssr: false,
  loading: () => <div className="h-52 w-full animate-pulse rounded bg-surface-2" aria-label="Loading the chart" />,
});
