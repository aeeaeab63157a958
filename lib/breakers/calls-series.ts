// The per-bin chart series of one breaker: outcomes folded into what an operator tells apart (went
// through, failed at the dependency, short-circuited, served by a fallback) and the error share.
import { callRate } from "./call-rates";

export type OutcomeCounts = { at: number; success: number; failure: number; timeout: number; rejected: number; fallback: number };
export type CallsPoint = { at: number; success: number; failed: number; rejected: number; fallback: number; errorPercent: number | null };

export function callsSeries(points: readonly OutcomeCounts[]): CallsPoint[] {
  return points.map((p) => {
    const failed = p.failure + p.timeout;
    const calls = p.success + failed + p.rejected + p.fallback;
    return { at: p.at, success: p.success, failed, rejected: p.rejected, fallback: p.fallback, errorPercent: callRate({ calls, errors: calls - p.success }, 60).errorPercent };
  });
}

/** The series with a last point at the end of its last bin, so a step chart draws that bin its full width. */
export function withClosingPoint(points: readonly CallsPoint[], binMs: number): CallsPoint[] {
  const last = points[points.length - 1];
  return last === undefined ? [] : [...points, { ...last, at: last.at + binMs }];
}
