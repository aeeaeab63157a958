-- Arrivals per minute of each error type, kept by the indexer beside dlq_minutes, so that the pending count
-- of a time range with an error-type filter no longer counts index entries (it grew with the topic).
CREATE TABLE "dlq_error_minutes" (
    "cluster" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "error_type" TEXT NOT NULL,
    "minute" TIMESTAMPTZ(6) NOT NULL,
    "count" BIGINT NOT NULL,

    CONSTRAINT "dlq_error_minutes_pkey" PRIMARY KEY ("cluster","topic","error_type","minute")
);

-- Messages indexed before this migration.
INSERT INTO "dlq_error_minutes" ("cluster", "topic", "error_type", "minute", "count")
SELECT "cluster", "topic", "error_type", to_timestamp(floor(extract(epoch FROM "timestamp") / 60) * 60), count(*)
FROM "dlq_messages"
GROUP BY 1, 2, 3, 4;
