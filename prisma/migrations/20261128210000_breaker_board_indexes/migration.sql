-- The breakers board reads one kind of resilience_minutes over a time window for every breaker at once:
-- (kind, minute) first, with the rest of the row in the index, makes that an index-only range scan.
CREATE INDEX "resilience_minutes_kind_minute_covering_idx" ON "resilience_minutes"("kind", "minute", "service", "name", "outcome", "count");

-- The failing calls around a breaker's transition: error spans of one service in a short time range.
-- Only error spans are indexed, so the range holds few rows even for a busy service.
CREATE INDEX "spans_service_error_time_idx" ON "spans" ("service_name", "start_time") WHERE "status_code" = 2;

-- The last time each bulkhead filled up: spans with a bulkhead.saturation event are rare, and kept apart here.
CREATE INDEX "spans_bulkhead_saturation_idx" ON "spans" ("service_name", "start_time")
    WHERE "events" @> '[{"name": "bulkhead.saturation"}]'::jsonb;
