-- Redrive jobs and their ledger: one row per message, written before it is produced and marked after (DESIGN.md).

-- CreateTable
CREATE TABLE "redrive_jobs" (
    "id" TEXT NOT NULL,
    "cluster" TEXT NOT NULL,
    "source_topic" TEXT NOT NULL,
    "target_topic" TEXT,
    "status" TEXT NOT NULL,
    "wait_reason" TEXT,
    "velocity" INTEGER,
    "override_breakers" BOOLEAN NOT NULL,
    "override_loop_guard" BOOLEAN NOT NULL,
    "max_redrives" INTEGER NOT NULL,
    "selection" JSONB NOT NULL,
    "requested_by" TEXT NOT NULL,
    "audit_event_id" BIGINT NOT NULL,
    "total" INTEGER NOT NULL,
    "sent" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "cancelled" INTEGER NOT NULL DEFAULT 0,
    "in_doubt_from" JSONB,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(6),
    "finished_at" TIMESTAMPTZ(6),
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "redrive_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "redrive_items" (
    "id" BIGSERIAL NOT NULL,
    "job_id" TEXT NOT NULL,
    "cluster" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "partition" INTEGER NOT NULL,
    "offset" BIGINT NOT NULL,
    "target_topic" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "target_partition" INTEGER,
    "target_offset" BIGINT,
    "error_code" TEXT,
    "error" TEXT,
    "trace_id" TEXT,
    "span_id" TEXT,
    "sent_at" TIMESTAMPTZ(6),

    CONSTRAINT "redrive_items_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "redrive_jobs_status_created_at_idx" ON "redrive_jobs"("status", "created_at");

-- CreateIndex
CREATE INDEX "redrive_jobs_cluster_source_topic_created_at_idx" ON "redrive_jobs"("cluster", "source_topic", "created_at");

-- CreateIndex
CREATE INDEX "redrive_items_job_id_status_id_idx" ON "redrive_items"("job_id", "status", "id");

-- CreateIndex
CREATE INDEX "redrive_items_cluster_topic_partition_offset_idx" ON "redrive_items"("cluster", "topic", "partition", "offset");

-- AddForeignKey
ALTER TABLE "redrive_items" ADD CONSTRAINT "redrive_items_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "redrive_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- A message belongs to at most one active job: a second job asking for it conflicts here.
CREATE UNIQUE INDEX "redrive_items_active_message" ON "redrive_items"("cluster", "topic", "partition", "offset") WHERE "status" IN ('pending', 'sending');
