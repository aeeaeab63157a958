// What the sagas list can be asked for, checked with zod at the boundary. No server-only import: the
// page's URL parsing (components/sagas) reuses these schemas and the cursor format.
import { z } from "zod";

/** Chip order: what needs the operator first. "stuck" is computed with the clock (lib/projections/saga-status.ts). */
export const SAGA_DISPLAY_STATUSES = ["failed", "stuck", "compensating", "compensated", "started", "completed"] as const;
export const SagaDisplayStatus = z.enum(SAGA_DISPLAY_STATUSES);
export type SagaDisplayStatus = z.infer<typeof SagaDisplayStatus>;

export const SagaStatusFilter = z.enum(["any", ...SAGA_DISPLAY_STATUSES]);
export type SagaStatusFilter = z.infer<typeof SagaStatusFilter>;

export const SAGA_PAGE_SIZE = 50;
export const MAX_SAGA_PAGE_SIZE = 200;
/** Counts stop here: beyond it the chip says "over 100,000", and no count reads more than this many index entries. */
export const SAGA_COUNT_CAP = 100_000;
export const MAX_SAGA_WINDOW_MS = 31 * 24 * 60 * 60_000;

/**
 * A saga id is whatever the services put in saga.id (a UUID in the reference system), so only what can
 * never be one is refused: empty, over 200 characters, or containing spaces or control characters.
 */
export const SagaId = z.string().min(1, "a saga id cannot be empty").max(200, "a saga id has at most 200 characters")
  .regex(/^[^\s\p{Cc}]+$/u, "a saga id has no spaces or control characters");
export type SagaId = z.infer<typeof SagaId>;

/** Where the previous page ended: the last saga's start in microseconds since the epoch (Postgres precision) and its id. */
export const SagaCursor = z.object({ startMicros: z.string().regex(/^\d{1,18}$/), id: SagaId });
export type SagaCursor = z.infer<typeof SagaCursor>;

const text = z.string().trim().min(1).max(200);

/** One list request: every filter holds at once; the window bounds the saga's start, [from, to). */
export const SagaListFilter = z.object({
  from: z.date(),
  to: z.date(),
  name: text.optional(),
  key: text.optional(),
  sagaId: SagaId.optional(),
  status: SagaStatusFilter.default("any"),
  limit: z.int().min(1).max(MAX_SAGA_PAGE_SIZE).default(SAGA_PAGE_SIZE),
  cursor: SagaCursor.optional(),
}).refine((f) => f.from.getTime() < f.to.getTime(), { error: "the time range must start before it ends", path: ["from"] })
  .refine((f) => f.to.getTime() - f.from.getTime() <= MAX_SAGA_WINDOW_MS, { error: "the time range may span at most 31 days", path: ["from"] });
export type SagaListFilter = z.infer<typeof SagaListFilter>;
export type SagaListFilterInput = z.input<typeof SagaListFilter>;

/** "1764288000123456_<id>": the cursor as it travels in a URL (the micros are digits only, so the first "_" splits). */
export function encodeSagaCursor(cursor: SagaCursor): string {
  return `${cursor.startMicros}_${cursor.id}`;
}

export function decodeSagaCursor(value: string): SagaCursor | null {
  const at = value.indexOf("_");
  if (at < 0) return null;
  const parsed = SagaCursor.safeParse({ startMicros: value.slice(0, at), id: value.slice(at + 1) });
  return parsed.success ? parsed.data : null;
}
