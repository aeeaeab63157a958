-- The audit trail becomes append-only and belongs to a role of its own.
--
-- Roles (cluster-wide, so created only when missing; several databases on one cluster share them):
--   flowdeck_audit_owner  NOLOGIN; owns audit_events, its sequence, the retention policy and functions.
--   flowdeck_app          the role Flowdeck runs as (DATABASE_URL); reads and writes every other table,
--                         may only INSERT and SELECT audit_events. NOLOGIN here: `scripts/db/roles.mjs`
--                         (or a DBA) gives it LOGIN and a password, or grants it to a login role.
-- Whoever runs the migrations (a superuser, or the schema owner) must be a member of
-- flowdeck_audit_owner when it is not a superuser; see the README, "Audit trail".
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'flowdeck_audit_owner') THEN
        BEGIN
            CREATE ROLE flowdeck_audit_owner NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL; -- created meanwhile by a migration of another database on this cluster
        END;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'flowdeck_app') THEN
        BEGIN
            CREATE ROLE flowdeck_app NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END IF;
    -- Lets a non-superuser migrator hand the audit table to the owner role (ALTER ... OWNER needs it).
    IF NOT pg_has_role(current_user, 'flowdeck_audit_owner', 'MEMBER') THEN
        EXECUTE format('GRANT flowdeck_audit_owner TO %I', current_user);
    END IF;
    EXECUTE format('GRANT USAGE, CREATE ON SCHEMA %I TO flowdeck_audit_owner', current_schema());
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO flowdeck_app', current_schema());
END;
$$;

-- Filters of the Audit page: target is searched within a time window, actor and action by index.
CREATE INDEX "audit_events_target_at_idx" ON "audit_events"("target", "at");

-- How long audit events are kept at the least; only the owner may lower it (the app may only read it).
CREATE TABLE "audit_retention_policy" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "minimum_retention_days" INTEGER NOT NULL DEFAULT 400,

    CONSTRAINT "audit_retention_policy_pkey" PRIMARY KEY ("id")
);
INSERT INTO "audit_retention_policy" ("id", "minimum_retention_days") VALUES (1, 400);

-- One row, at least a day (a trigger rather than CHECK constraints, which Flowdeck's schema-engine
-- stand-in cannot introspect: pg_constraint.contype is a "char" column).
CREATE FUNCTION "flowdeck_audit_policy_guard"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW."id" <> 1 OR NEW."minimum_retention_days" IS NULL OR NEW."minimum_retention_days" < 1 THEN
        RAISE EXCEPTION 'audit_retention_policy holds one row (id 1) with minimum_retention_days of at least 1';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER "audit_retention_policy_guard" BEFORE INSERT OR UPDATE ON "audit_retention_policy" FOR EACH ROW EXECUTE FUNCTION "flowdeck_audit_policy_guard"();

-- The guard: committed history never changes. Only flowdeck_audit_purge may delete, and only rows
-- older than the cutoff it announced in this transaction, while running as the owner.
CREATE FUNCTION "flowdeck_audit_guard"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
    cutoff TEXT := current_setting('flowdeck.audit_purge_cutoff', true);
BEGIN
    IF TG_OP = 'DELETE' AND current_user = 'flowdeck_audit_owner' AND cutoff IS NOT NULL AND cutoff <> ''
       AND OLD."at" < cutoff::timestamptz THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_events is append-only: % is not allowed (rows leave only through audit retention)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- An event's id comes from the sequence (by default, or reserved with nextval first): an id ahead of
-- it would take the place of a later event. Runs as the owner to read the sequence's last value.
CREATE FUNCTION "flowdeck_audit_insert_guard"() RETURNS TRIGGER
LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    IF NEW."id" > coalesce(pg_sequence_last_value(pg_get_serial_sequence(quote_ident(TG_TABLE_SCHEMA) || '.audit_events', 'id')::regclass), 0) THEN
        RAISE EXCEPTION 'audit_events: id % was not drawn from the sequence', NEW."id" USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
ALTER FUNCTION "flowdeck_audit_insert_guard"() SET search_path FROM CURRENT;

CREATE TRIGGER "audit_events_no_update" BEFORE UPDATE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "flowdeck_audit_guard"();
CREATE TRIGGER "audit_events_no_delete" BEFORE DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "flowdeck_audit_guard"();
CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION "flowdeck_audit_guard"();
CREATE TRIGGER "audit_events_insert_guard" BEFORE INSERT ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "flowdeck_audit_insert_guard"();

-- Retention: deletes events older than `retention` (at most 10,000 a call, so a first run after a long
-- pause does not hold a long lock), and refuses a retention shorter than the owner's policy, so the
-- app role, which may call it, can never remove an event that the policy still keeps.
CREATE FUNCTION "flowdeck_audit_purge"(retention INTERVAL) RETURNS BIGINT
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    minimum_days INTEGER;
    cutoff TIMESTAMPTZ;
    deleted BIGINT;
BEGIN
    SELECT minimum_retention_days INTO minimum_days FROM audit_retention_policy WHERE id = 1;
    IF minimum_days IS NULL THEN
        RAISE EXCEPTION 'audit retention: audit_retention_policy has no row';
    END IF;
    IF retention IS NULL OR retention < make_interval(days => minimum_days) THEN
        RAISE EXCEPTION 'audit retention of % is shorter than the minimum of % days set by the audit owner (audit_retention_policy)', retention, minimum_days
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    cutoff := now() - retention;
    PERFORM set_config('flowdeck.audit_purge_cutoff', cutoff::text, true);
    DELETE FROM audit_events WHERE id IN (SELECT id FROM audit_events WHERE "at" < cutoff ORDER BY "at" LIMIT 10000);
    GET DIAGNOSTICS deleted = ROW_COUNT;
    PERFORM set_config('flowdeck.audit_purge_cutoff', '', true);
    RETURN deleted;
END;
$$;
ALTER FUNCTION "flowdeck_audit_purge"(INTERVAL) SET search_path FROM CURRENT;

ALTER TABLE "audit_events" OWNER TO flowdeck_audit_owner;
ALTER TABLE "audit_retention_policy" OWNER TO flowdeck_audit_owner;
ALTER FUNCTION "flowdeck_audit_guard"() OWNER TO flowdeck_audit_owner;
ALTER FUNCTION "flowdeck_audit_insert_guard"() OWNER TO flowdeck_audit_owner;
ALTER FUNCTION "flowdeck_audit_policy_guard"() OWNER TO flowdeck_audit_owner;
ALTER FUNCTION "flowdeck_audit_purge"(INTERVAL) OWNER TO flowdeck_audit_owner;

-- The app: every other table read and written; the audit table only appended to and read. The event
-- time is not granted, so it is always the database's now(); the id may come from a reserved nextval.
DO $$
BEGIN
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO flowdeck_app', current_schema());
    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO flowdeck_app', current_schema());
    -- Tables and sequences later migrations create (as the same migrating role) are the app's too.
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO flowdeck_app', current_schema());
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO flowdeck_app', current_schema());
    -- Migrations are the migrator's business: the app only reads which were applied (start-up preflight).
    IF to_regclass('_prisma_migrations') IS NOT NULL THEN
        REVOKE ALL ON "_prisma_migrations" FROM flowdeck_app;
        GRANT SELECT ON "_prisma_migrations" TO flowdeck_app;
    END IF;
END;
$$;
REVOKE ALL ON "audit_events", "audit_retention_policy" FROM PUBLIC, flowdeck_app;
REVOKE ALL ON SEQUENCE "audit_events_id_seq" FROM PUBLIC, flowdeck_app;
GRANT SELECT ON "audit_events", "audit_retention_policy" TO flowdeck_app;
GRANT INSERT ("id", "actor", "action", "target", "details", "outcome") ON "audit_events" TO flowdeck_app;
GRANT USAGE ON SEQUENCE "audit_events_id_seq" TO flowdeck_app;
REVOKE ALL ON FUNCTION "flowdeck_audit_purge"(INTERVAL) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION "flowdeck_audit_purge"(INTERVAL) TO flowdeck_app;

-- Span partitions are created and dropped at run time by the app; as the partitioned table's owner,
-- so the app role needs neither CREATE on the schema nor ownership of spans.
ALTER FUNCTION "flowdeck_ensure_span_partitions"(DATE, DATE) SECURITY DEFINER SET search_path FROM CURRENT;
ALTER FUNCTION "flowdeck_drop_span_partitions"(TIMESTAMPTZ) SECURITY DEFINER SET search_path FROM CURRENT;
REVOKE ALL ON FUNCTION "flowdeck_ensure_span_partitions"(DATE, DATE), "flowdeck_drop_span_partitions"(TIMESTAMPTZ) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION "flowdeck_ensure_span_partitions"(DATE, DATE), "flowdeck_drop_span_partitions"(TIMESTAMPTZ) TO flowdeck_app;
