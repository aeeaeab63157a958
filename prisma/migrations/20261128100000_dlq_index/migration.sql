-- The dead-letter index: DLQ topics with their counts, the indexer's position per partition, one row of
-- metadata per message (payloads stay in Kafka), and counts by error type and by minute.

-- CreateTable
CREATE TABLE "dlq_topics" (
    "cluster" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "discovered_by" TEXT NOT NULL,
    "discovered_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "pending_count" BIGINT NOT NULL DEFAULT 0,
    "redriven_count" BIGINT NOT NULL DEFAULT 0,
    "discarded_count" BIGINT NOT NULL DEFAULT 0,
    "expired_count" BIGINT NOT NULL DEFAULT 0,
    "gone_at" TIMESTAMPTZ(6),

    CONSTRAINT "dlq_topics_pkey" PRIMARY KEY ("cluster","topic")
);

-- CreateTable
CREATE TABLE "dlq_partitions" (
    "cluster" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "partition" INTEGER NOT NULL,
    "next_offset" BIGINT NOT NULL,
    "low_watermark" BIGINT NOT NULL,
    "high_watermark" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "dlq_partitions_pkey" PRIMARY KEY ("cluster","topic","partition")
);

-- CreateTable
CREATE TABLE "dlq_messages" (
    "cluster" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "partition" INTEGER NOT NULL,
    "offset" BIGINT NOT NULL,
    "timestamp" TIMESTAMPTZ(3) NOT NULL,
    "key" BYTEA,
    "key_text" TEXT,
    "headers" JSONB NOT NULL,
    "original_topic" TEXT,
    "original_partition" INTEGER,
    "original_offset" BIGINT,
    "consumer_group" TEXT,
    "error_type" TEXT NOT NULL,
    "error_message" TEXT,
    "attempts" INTEGER,
    "failed_at" TIMESTAMPTZ(3),
    "trace_id" TEXT,
    "parent_span_id" TEXT,
    "saga_id" TEXT,
    "event_id" TEXT,
    "redrive_count" INTEGER NOT NULL DEFAULT 0,
    "size" INTEGER NOT NULL,
    "format" TEXT NOT NULL,
    "schema_id" INTEGER,
    "preview" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "indexed_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dlq_messages_pkey" PRIMARY KEY ("cluster","topic","partition","offset")
);

-- CreateTable
CREATE TABLE "dlq_error_groups" (
    "cluster" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "error_type" TEXT NOT NULL,
    "pending_count" BIGINT NOT NULL DEFAULT 0,
    "total_count" BIGINT NOT NULL DEFAULT 0,
    "first_seen" TIMESTAMPTZ(3) NOT NULL,
    "last_seen" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "dlq_error_groups_pkey" PRIMARY KEY ("cluster","topic","error_type")
);

-- CreateTable
CREATE TABLE "dlq_minutes" (
    "cluster" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "minute" TIMESTAMPTZ(6) NOT NULL,
    "count" BIGINT NOT NULL,

    CONSTRAINT "dlq_minutes_pkey" PRIMARY KEY ("cluster","topic","minute")
);

-- CreateIndex
CREATE INDEX "dlq_messages_cluster_topic_timestamp_partition_offset_idx" ON "dlq_messages"("cluster", "topic", "timestamp", "partition", "offset");

-- CreateIndex
CREATE INDEX "dlq_messages_cluster_topic_status_timestamp_partition_offse_idx" ON "dlq_messages"("cluster", "topic", "status", "timestamp", "partition", "offset");

-- CreateIndex
CREATE INDEX "dlq_messages_cluster_topic_error_type_timestamp_partition_o_idx" ON "dlq_messages"("cluster", "topic", "error_type", "timestamp", "partition", "offset");

-- CreateIndex
CREATE INDEX "dlq_messages_trace_id_idx" ON "dlq_messages"("trace_id");

-- CreateIndex
CREATE INDEX "dlq_messages_saga_id_idx" ON "dlq_messages"("saga_id");

-- AddForeignKey
ALTER TABLE "dlq_partitions" ADD CONSTRAINT "dlq_partitions_cluster_topic_fkey" FOREIGN KEY ("cluster", "topic") REFERENCES "dlq_topics"("cluster", "topic") ON DELETE CASCADE ON UPDATE CASCADE;


