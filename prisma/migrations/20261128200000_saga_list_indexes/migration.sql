-- The sagas list pages newest first by (started_at, id) and counts each status in a time window, so
-- every filter it offers has an index that both bounds the window and yields that order, and carries
-- last_progress_at so "stuck" (running with no progress for a while) is told apart without the heap.

-- Unfiltered list: keyset on (started_at, id). It covers what the index on started_at alone did.
CREATE INDEX "sagas_started_at_id_idx" ON "sagas"("started_at", "id");
DROP INDEX "sagas_started_at_idx";

-- A status chip (and the per-status counts) over the window.
CREATE INDEX "sagas_status_started_at_id_last_progress_at_idx" ON "sagas"("status", "started_at", "id", "last_progress_at");

-- A saga type with a status chip (and the counts of one saga type).
CREATE INDEX "sagas_name_status_started_at_id_last_progress_at_idx" ON "sagas"("name", "status", "started_at", "id", "last_progress_at");
