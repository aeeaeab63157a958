// How an edge looks: width by message rate (log scale, so 1/s and 1000/s both stay readable) and colour
// by error rate. Absolute scales, not relative to the busiest edge, so a refresh does not restyle every edge.

export const MIN_EDGE_WIDTH = 1;
export const MAX_EDGE_WIDTH = 10;

/** Stroke width in px for a rate in messages per second: 0 → 1, 1/s → ~3, 10/s → 5, 100/s → 7, 1000/s → 9. */
export function edgeWidth(ratePerSecond: number): number {
  if (!Number.isFinite(ratePerSecond) || ratePerSecond <= 0) return MIN_EDGE_WIDTH;
  return Math.min(MAX_EDGE_WIDTH, MIN_EDGE_WIDTH + 2 * Math.log10(1 + ratePerSecond * 10));
}

export type EdgeHealth = "idle" | "ok" | "warn" | "bad";

/** Share of failed messages at which an edge turns red; any failure below it is amber. */
export const BAD_ERROR_RATE = 0.05;

export function edgeHealth(count: number, errors: number): EdgeHealth {
  if (count <= 0) return errors > 0 ? "bad" : "idle";
  const rate = errors / count;
  if (rate <= 0) return "ok";
  return rate >= BAD_ERROR_RATE ? "bad" : "warn";
}

/** The CSS colour of a health, from the theme's tokens (so dark and light both work). */
export const HEALTH_COLOR: Record<EdgeHealth, string> = {
  idle: "var(--faint)",
  ok: "var(--ok)",
  warn: "var(--warn)",
  bad: "var(--bad)",
};

/** "12.3/s", "0.02/s", "1,240/s": a rate short enough for an edge label. */
export function formatRate(ratePerSecond: number): string {
  if (ratePerSecond === 0) return "0/s";
  if (ratePerSecond < 0.01) return "<0.01/s";
  if (ratePerSecond < 10) return `${ratePerSecond.toFixed(2).replace(/\.?0+$/, "")}/s`;
  if (ratePerSecond < 100) return `${ratePerSecond.toFixed(1).replace(/\.0$/, "")}/s`;
  return `${Math.round(ratePerSecond).toLocaleString("en-US")}/s`;
}
