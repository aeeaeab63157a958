// The stored form of a SagaSummary (sagas.merge_state, jsonb): nanosecond times as decimal strings.
import { z } from "zod";
import type { SagaSummary } from "./saga-merge";
import { SAGA_STATUSES } from "./saga-status";

const ns = z.string().regex(/^-?\d+$/).transform((text) => BigInt(text));
const ranked = <T extends z.ZodType>(value: T) => z.object({ ns, spanId: z.string(), value }).nullable();

const summarySchema = z.object({
  name: ranked(z.string()),
  key: ranked(z.string()),
  status: z.object({ status: z.enum(SAGA_STATUSES), timeNs: ns, spanId: z.string(), index: z.number().int() }).nullable(),
  compensation: z.boolean(),
  timedStart: ns.nullable(),
  timedProgress: ns.nullable(),
  spanStart: ns,
  spanEnd: ns,
  current: ranked(z.string()),
  failed: ranked(z.object({ step: z.string(), error: z.string().nullable() })),
  stepCount: z.number().int().nonnegative(),
});

export function encodeSagaSummary(summary: SagaSummary): string {
  return JSON.stringify(summary, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

/** The summary, or null for a missing or unreadable one (the saga is then rebuilt from its spans). */
export function decodeSagaSummary(stored: unknown): SagaSummary | null {
  const parsed = summarySchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}
