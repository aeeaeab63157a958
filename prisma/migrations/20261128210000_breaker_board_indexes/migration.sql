-- The failing calls around a breaker's transition: error spans of one service in a short time range.
-- Only error spans are indexed, so the range holds few rows even for a busy service.
CREATE INDEX "spans_service_error_time_idx" ON "spans" ("service_name", "start_time") WHERE "status_code" = 2;

-- The last time each bulkhead filled up: spans with a bulkhead.saturation event are rare, and kept apart here.
CREATE INDEX "spans_bulkhead_saturation_idx" ON "spans" ("service_name", "start_time")
    WHERE "events" @> '[{"name": "bulkhead.saturation"}]'::jsonb;

-- Ten-minute sums of resilience_minutes, kept by triggers in the same transaction as the minutes, so
-- the breakers board reads a day of 500 breakers as 144 rows each instead of 1,440. Buckets start at
-- whole ten minutes of UTC (date_bin from the epoch does not depend on the session's time zone).
CREATE TABLE "resilience_ten_minutes" (
    "kind" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "bucket" TIMESTAMPTZ(6) NOT NULL,
    "outcome" TEXT NOT NULL,
    "count" BIGINT NOT NULL,

    CONSTRAINT "resilience_ten_minutes_pkey" PRIMARY KEY ("kind", "service", "name", "bucket", "outcome")
);
CREATE INDEX "resilience_ten_minutes_kind_bucket_idx" ON "resilience_ten_minutes"("kind", "bucket");

CREATE FUNCTION "flowdeck_resilience_ten_minutes_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Sorted by key, so concurrent writers lock the rows in one order.
    INSERT INTO resilience_ten_minutes AS t (kind, service, name, bucket, outcome, count)
    SELECT kind, service, name, date_bin('10 minutes', minute, TIMESTAMPTZ '1970-01-01 00:00:00+00'), outcome, sum(count)
    FROM new_rows GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (kind, service, name, bucket, outcome) DO UPDATE SET count = t.count + EXCLUDED.count;
    RETURN NULL;
END;
$$;

CREATE FUNCTION "flowdeck_resilience_ten_minutes_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO resilience_ten_minutes AS t (kind, service, name, bucket, outcome, count)
    SELECT n.kind, n.service, n.name, date_bin('10 minutes', n.minute, TIMESTAMPTZ '1970-01-01 00:00:00+00'), n.outcome, sum(n.count - o.count)
    FROM new_rows n JOIN old_rows o USING (kind, service, name, minute, outcome)
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (kind, service, name, bucket, outcome) DO UPDATE SET count = t.count + EXCLUDED.count;
    RETURN NULL;
END;
$$;

-- Retention deletes whole old minutes: a bucket that loses all its count is deleted (no new row version
-- to write, which is most of them), and one that loses part of it is decreased.
CREATE FUNCTION "flowdeck_resilience_ten_minutes_remove"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH removed AS (
        SELECT kind, service, name, date_bin('10 minutes', minute, TIMESTAMPTZ '1970-01-01 00:00:00+00') AS bucket, outcome, sum(count) AS count
        FROM old_rows GROUP BY 1, 2, 3, 4, 5
    ), emptied AS (
        DELETE FROM resilience_ten_minutes t USING removed r
        WHERE t.kind = r.kind AND t.service = r.service AND t.name = r.name AND t.bucket = r.bucket AND t.outcome = r.outcome
          AND t.count <= r.count
    )
    UPDATE resilience_ten_minutes t SET count = t.count - r.count FROM removed r
    WHERE t.kind = r.kind AND t.service = r.service AND t.name = r.name AND t.bucket = r.bucket AND t.outcome = r.outcome
      AND t.count > r.count;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "resilience_minutes_ten_minutes_insert" AFTER INSERT ON "resilience_minutes"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "flowdeck_resilience_ten_minutes_add"();
CREATE TRIGGER "resilience_minutes_ten_minutes_update" AFTER UPDATE ON "resilience_minutes"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "flowdeck_resilience_ten_minutes_change"();
CREATE TRIGGER "resilience_minutes_ten_minutes_delete" AFTER DELETE ON "resilience_minutes"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "flowdeck_resilience_ten_minutes_remove"();

INSERT INTO resilience_ten_minutes (kind, service, name, bucket, outcome, count)
SELECT kind, service, name, date_bin('10 minutes', minute, TIMESTAMPTZ '1970-01-01 00:00:00+00'), outcome, sum(count)
FROM resilience_minutes GROUP BY 1, 2, 3, 4, 5;
