-- Dispositions of DLQ messages (discarded, later redriven), each tied to the audit event of its request.

-- CreateTable
CREATE TABLE "dlq_dispositions" (
    "id" BIGSERIAL NOT NULL,
    "cluster" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "partition" INTEGER NOT NULL,
    "offset" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "audit_event_id" BIGINT NOT NULL,

    CONSTRAINT "dlq_dispositions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "dlq_dispositions_cluster_topic_partition_offset_idx" ON "dlq_dispositions"("cluster", "topic", "partition", "offset");

-- CreateIndex
CREATE INDEX "dlq_dispositions_audit_event_id_idx" ON "dlq_dispositions"("audit_event_id");


