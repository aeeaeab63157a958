// When a breaker's changes all happened in a sliver at the end of a long window, the step chart is a
// line at the edge: offer the window that starts shortly before the first change instead.

const LEAD_MS = 60_000;

/** The [from, to] to zoom to, or null when the changes already fill a tenth of the drawn range or more. */
export function zoomToChanges(firstChange: Date | undefined, drawnFrom: Date, to: Date): { from: Date; to: Date } | null {
  if (firstChange === undefined) return null;
  const span = to.getTime() - drawnFrom.getTime();
  if (to.getTime() - firstChange.getTime() >= span / 10) return null;
  return { from: new Date(Math.max(drawnFrom.getTime(), firstChange.getTime() - LEAD_MS)), to };
}
