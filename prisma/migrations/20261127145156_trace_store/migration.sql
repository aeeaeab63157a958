-- CreateTable
CREATE TABLE "sagas" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "key" TEXT,
    "status" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(6) NOT NULL,
    "last_progress_at" TIMESTAMPTZ(6) NOT NULL,
    "ended_at" TIMESTAMPTZ(6),
    "current_step" TEXT,
    "failed_step" TEXT,
    "error" TEXT,
    "step_count" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sagas_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "saga_steps" (
    "saga_id" TEXT NOT NULL,
    "span_id" TEXT NOT NULL,
    "trace_id" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(6) NOT NULL,
    "ended_at" TIMESTAMPTZ(6) NOT NULL,
    "error" TEXT,
    "attempt" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "saga_steps_pkey" PRIMARY KEY ("saga_id","span_id")
);

-- CreateTable
CREATE TABLE "breaker_transitions" (
    "service" TEXT NOT NULL,
    "breaker" TEXT NOT NULL,
    "from_state" TEXT,
    "to_state" TEXT NOT NULL,
    "at" TIMESTAMPTZ(6) NOT NULL,
    "at_ns" BIGINT NOT NULL,
    "span_id" TEXT NOT NULL,
    "trace_id" TEXT NOT NULL,

    CONSTRAINT "breaker_transitions_pkey" PRIMARY KEY ("service","breaker","at_ns","span_id")
);

-- CreateTable
CREATE TABLE "breaker_states" (
    "service" TEXT NOT NULL,
    "breaker" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "since" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "breaker_states_pkey" PRIMARY KEY ("service","breaker")
);

-- CreateTable
CREATE TABLE "resilience_minutes" (
    "kind" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "minute" TIMESTAMPTZ(6) NOT NULL,
    "outcome" TEXT NOT NULL,
    "count" BIGINT NOT NULL,

    CONSTRAINT "resilience_minutes_pkey" PRIMARY KEY ("kind","service","name","minute","outcome")
);

-- CreateTable
CREATE TABLE "flow_edge_minutes" (
    "minute" TIMESTAMPTZ(6) NOT NULL,
    "cluster" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "consumer_group" TEXT NOT NULL,
    "count" BIGINT NOT NULL,
    "errors" BIGINT NOT NULL,

    CONSTRAINT "flow_edge_minutes_pkey" PRIMARY KEY ("minute","cluster","topic","direction","service","consumer_group")
);

-- CreateTable
CREATE TABLE "projector_state" (
    "name" TEXT NOT NULL,
    "last_seq" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "projector_state_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "sagas_status_last_progress_at_idx" ON "sagas"("status", "last_progress_at");

-- CreateIndex
CREATE INDEX "sagas_name_started_at_idx" ON "sagas"("name", "started_at");

-- CreateIndex
CREATE INDEX "sagas_key_idx" ON "sagas"("key");

-- CreateIndex
CREATE INDEX "sagas_started_at_idx" ON "sagas"("started_at");

-- CreateIndex
CREATE INDEX "saga_steps_trace_id_idx" ON "saga_steps"("trace_id");

-- CreateIndex
CREATE INDEX "breaker_transitions_at_idx" ON "breaker_transitions"("at");

-- CreateIndex
CREATE INDEX "resilience_minutes_minute_idx" ON "resilience_minutes"("minute");

-- CreateIndex
CREATE INDEX "flow_edge_minutes_cluster_topic_minute_idx" ON "flow_edge_minutes"("cluster", "topic", "minute");

-- AddForeignKey
ALTER TABLE "saga_steps" ADD CONSTRAINT "saga_steps_saga_id_fkey" FOREIGN KEY ("saga_id") REFERENCES "sagas"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---- spans: partitioned by day on start_time (Prisma cannot model partitioned tables; it is listed
-- in prisma/unmodelled-tables.ts). Retention drops whole partitions. Ids are raw bytes (16 and 8).
CREATE SEQUENCE "span_ingest_seq" AS BIGINT;

CREATE TABLE "spans" (
    "trace_id" BYTEA NOT NULL,
    "span_id" BYTEA NOT NULL,
    "parent_span_id" BYTEA,
    "start_time" TIMESTAMPTZ(6) NOT NULL,
    "start_ns" BIGINT NOT NULL,
    "duration_ns" BIGINT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" SMALLINT NOT NULL,
    "service_name" TEXT NOT NULL,
    "status_code" SMALLINT NOT NULL,
    "status_message" TEXT,
    "scope_name" TEXT,
    "resource_attrs" JSONB NOT NULL,
    "attrs" JSONB NOT NULL,
    "events" JSONB,
    "links" JSONB,
    -- Copied out of attrs for the indexes the console searches by.
    "messaging_cluster" TEXT,
    "messaging_destination" TEXT,
    "messaging_operation" TEXT,
    "messaging_consumer_group" TEXT,
    "messaging_message_id" TEXT,
    "messaging_partition" INTEGER,
    "messaging_offset" BIGINT,
    "saga_id" TEXT,
    "saga_key" TEXT,
    "breaker_name" TEXT,
    -- The order spans were stored in: projectors read the table by it.
    "ingest_seq" BIGINT NOT NULL DEFAULT nextval('span_ingest_seq'),
    "ingested_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    -- A span sent twice (an exporter's retry) has the same ids and start: stored once.
    CONSTRAINT "spans_pkey" PRIMARY KEY ("trace_id", "span_id", "start_time")
) PARTITION BY RANGE ("start_time");

CREATE INDEX "spans_service_time_idx" ON "spans" ("service_name", "start_time" DESC);
CREATE INDEX "spans_time_idx" ON "spans" ("start_time" DESC);
CREATE INDEX "spans_messaging_destination_idx" ON "spans" ("messaging_cluster", "messaging_destination", "start_time")
    WHERE "messaging_destination" IS NOT NULL;
CREATE INDEX "spans_messaging_message_id_idx" ON "spans" ("messaging_message_id") WHERE "messaging_message_id" IS NOT NULL;
CREATE INDEX "spans_messaging_offset_idx" ON "spans" ("messaging_destination", "messaging_partition", "messaging_offset")
    WHERE "messaging_offset" IS NOT NULL;
CREATE INDEX "spans_saga_id_idx" ON "spans" ("saga_id") WHERE "saga_id" IS NOT NULL;
CREATE INDEX "spans_saga_key_idx" ON "spans" ("saga_key") WHERE "saga_key" IS NOT NULL;
CREATE INDEX "spans_breaker_idx" ON "spans" ("breaker_name", "start_time") WHERE "breaker_name" IS NOT NULL;
CREATE INDEX "spans_ingest_seq_idx" ON "spans" ("ingest_seq");

-- One partition per UTC day, named spans_pYYYYMMDD; creates the missing ones in [first_day, last_day].
CREATE FUNCTION "flowdeck_ensure_span_partitions"(first_day DATE, last_day DATE) RETURNS INTEGER
LANGUAGE plpgsql AS $$
DECLARE
    day DATE := first_day;
    created INTEGER := 0;
    partition_name TEXT;
BEGIN
    WHILE day <= last_day LOOP
        partition_name := 'spans_p' || to_char(day, 'YYYYMMDD');
        IF to_regclass(partition_name) IS NULL THEN
            EXECUTE format(
                'CREATE TABLE %I PARTITION OF spans FOR VALUES FROM (%L) TO (%L)',
                partition_name, (day::timestamp AT TIME ZONE 'UTC'), ((day + 1)::timestamp AT TIME ZONE 'UTC'));
            created := created + 1;
        END IF;
        day := day + 1;
    END LOOP;
    RETURN created;
END;
$$;

-- Drops the partitions whose whole day ends before `before`; returns how many it dropped.
CREATE FUNCTION "flowdeck_drop_span_partitions"(before TIMESTAMPTZ) RETURNS INTEGER
LANGUAGE plpgsql AS $$
DECLARE
    part RECORD;
    dropped INTEGER := 0;
BEGIN
    FOR part IN
        SELECT c.relname FROM pg_inherits i
        JOIN pg_class c ON c.oid = i.inhrelid
        JOIN pg_class p ON p.oid = i.inhparent
        WHERE p.relname = 'spans' AND c.relname ~ '^spans_p[0-9]{8}$'
          AND ((to_date(substr(c.relname, 8), 'YYYYMMDD') + 1)::timestamp AT TIME ZONE 'UTC') <= before
    LOOP
        EXECUTE format('DROP TABLE %I', part.relname);
        dropped := dropped + 1;
    END LOOP;
    RETURN dropped;
END;
$$;

-- Partitions for the default retention (7 days) behind and a few days ahead; the worker keeps this up.
SELECT "flowdeck_ensure_span_partitions"((now() AT TIME ZONE 'UTC')::date - 8, (now() AT TIME ZONE 'UTC')::date + 3);
