-- The failing calls around a breaker's transition: error spans of one service in a short time range.
-- Only error spans are indexed, so the range holds few rows even for a busy service.
CREATE INDEX "spans_service_error_time_idx" ON "spans" ("service_name", "start_time") WHERE "status_code" = 2;

-- The last time each bulkhead filled up: spans with a bulkhead.saturation event are rare, and kept apart here.
CREATE INDEX "spans_bulkhead_saturation_idx" ON "spans" ("service_name", "start_time")
    WHERE "events" @> '[{"name": "bulkhead.saturation"}]'::jsonb;
