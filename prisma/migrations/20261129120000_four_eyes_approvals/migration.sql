-- The four-eyes rule (FLOWDECK_FOUR_EYES_ABOVE): a bulk redrive or discard above the size waits here for a second
-- operator. A redrive's job is created in status awaiting_approval (its items pending, so they hold their messages)
-- and runs once approved; a discard is performed on approval. One row per request, decided once.
-- CreateTable
CREATE TABLE "approval_requests" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "cluster" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "selection" JSONB NOT NULL,
    "reason" TEXT,
    "indexed_before" TIMESTAMPTZ(6),
    "redrive_job_id" TEXT,
    "requested_by_id" TEXT NOT NULL,
    "requested_by" TEXT NOT NULL,
    "requested_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(6) NOT NULL,
    "decided_by_id" TEXT,
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(6),
    "decision_reason" TEXT,
    "result" JSONB,
    "audit_event_id" BIGINT NOT NULL,

    CONSTRAINT "approval_requests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "approval_requests_redrive_job_id_key" ON "approval_requests"("redrive_job_id");

-- CreateIndex
CREATE INDEX "approval_requests_status_expires_at_idx" ON "approval_requests"("status", "expires_at");

-- CreateIndex
CREATE INDEX "approval_requests_cluster_topic_status_requested_at_idx" ON "approval_requests"("cluster", "topic", "status", "requested_at");

-- AddForeignKey
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_redrive_job_id_fkey" FOREIGN KEY ("redrive_job_id") REFERENCES "redrive_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;


