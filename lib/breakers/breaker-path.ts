// The /breakers/[service]/[name] path segments: percent-decoded, non-empty and of a sane length. Anything
// else is treated as an unknown breaker (a not-found page), never a crash.
import { z } from "zod";

const hasControlCharacter = (s: string) => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i)).some((code) => code < 0x20);
const Segment = z.string().min(1).max(256).refine((s) => !hasControlCharacter(s), "control characters");

export const BreakerPath = z.object({ service: Segment, name: Segment });
export type BreakerPath = z.infer<typeof BreakerPath>;

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export function parseBreakerPath(raw: { service: string; name: string }): BreakerPath | null {
  const parsed = BreakerPath.safeParse({ service: decode(raw.service), name: decode(raw.name) });
  return parsed.success ? parsed.data : null;
}
