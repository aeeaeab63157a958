// The geometry of a sparkline: counts → an SVG path. Pure; unit tested.

/**
 * "M x y L x y …" through one point per count, scaled so the largest count touches the top and 0 sits
 * on the bottom edge (inset by half the stroke so a flat line stays visible). An empty series draws nothing.
 */
export function sparklinePath(counts: readonly number[], width: number, height: number, inset = 1): string {
  if (counts.length === 0) return "";
  const max = Math.max(...counts, 0);
  const step = counts.length > 1 ? (width - 2 * inset) / (counts.length - 1) : 0;
  const y = (n: number) => (max === 0 ? height - inset : inset + (1 - n / max) * (height - 2 * inset));
  return counts
    .map((n, i) => `${i === 0 ? "M" : "L"}${round(inset + i * step)} ${round(y(Math.max(0, n)))}`)
    .join(" ");
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}
