/** Lag beyond which a page says its sagas and breakers are behind the spans Flowdeck has received. */
export const NOTICEABLE_LAG_SECONDS = 5;

/** Says, when it matters, that what was derived from spans (sagas, breakers, flows) is behind. */
export function ProjectionLagNote({ seconds, what }: { seconds: number; what: string }) {
  if (seconds < NOTICEABLE_LAG_SECONDS) return null;
  return (
    <p role="status" data-testid="projection-lag" className="text-xs text-warn">
      {what} may be out of date: the spans of the last {Math.round(seconds).toLocaleString("en-US")} s are not projected yet.
    </p>
  );
}
