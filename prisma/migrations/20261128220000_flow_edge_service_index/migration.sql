-- The flow map's series of one service reads its edges' minute buckets by service and time: without this
-- index that is a scan of every edge's buckets in the window.
CREATE INDEX "flow_edge_minutes_service_minute_idx" ON "flow_edge_minutes"("service", "minute");
