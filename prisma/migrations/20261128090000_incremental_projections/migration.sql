-- The projector folds each batch of new spans into the stored saga instead of re-reading its whole
-- history: merge_state holds what that needs (see lib/projections/saga-merge.ts). NULL means "rebuild
-- this saga from its spans", which is what rows from before this migration get on their next span.
ALTER TABLE "sagas" ADD COLUMN "merge_state" JSONB;

-- Of one span's state changes in the same instant, the last (by event index) is kept; an upsert of a
-- newer batch needs the index to decide.
ALTER TABLE "breaker_transitions" ADD COLUMN "event_index" INTEGER NOT NULL DEFAULT 0;

-- Two spans of one saga sharing a span id make an incremental merge inexact; the projector looks them
-- up by (saga_id, span_id). The old index on saga_id alone is a prefix of this one.
CREATE INDEX "spans_saga_span_idx" ON "spans" ("saga_id", "span_id") WHERE "saga_id" IS NOT NULL;
DROP INDEX "spans_saga_id_idx";
