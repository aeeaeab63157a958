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
