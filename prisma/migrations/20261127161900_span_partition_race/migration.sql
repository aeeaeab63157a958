-- Two writers can find the same day partition missing at once; the second CREATE must not fail its batch.
CREATE OR REPLACE FUNCTION "flowdeck_ensure_span_partitions"(first_day DATE, last_day DATE) RETURNS INTEGER
LANGUAGE plpgsql AS $$
DECLARE
    day DATE := first_day;
    created INTEGER := 0;
    partition_name TEXT;
BEGIN
    WHILE day <= last_day LOOP
        partition_name := 'spans_p' || to_char(day, 'YYYYMMDD');
        IF to_regclass(partition_name) IS NULL THEN
            BEGIN
                EXECUTE format(
                    'CREATE TABLE %I PARTITION OF spans FOR VALUES FROM (%L) TO (%L)',
                    partition_name, (day::timestamp AT TIME ZONE 'UTC'), ((day + 1)::timestamp AT TIME ZONE 'UTC'));
                created := created + 1;
            EXCEPTION WHEN duplicate_table THEN
                NULL; -- made by a concurrent call
            END;
        END IF;
        day := day + 1;
    END LOOP;
    RETURN created;
END;
$$;
