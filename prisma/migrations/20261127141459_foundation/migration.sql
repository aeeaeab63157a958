-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "outcome" TEXT NOT NULL,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "worker_instances" (
    "id" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(6) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(6) NOT NULL,
    "stopped_at" TIMESTAMPTZ(6),
    "tasks" JSONB NOT NULL,

    CONSTRAINT "worker_instances_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "worker_task_runs" (
    "task" TEXT NOT NULL,
    "last_started_at" TIMESTAMPTZ(6) NOT NULL,
    "last_finished_at" TIMESTAMPTZ(6),
    "last_error" TEXT,
    "runs" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "worker_task_runs_pkey" PRIMARY KEY ("task")
);

-- CreateIndex
CREATE INDEX "audit_events_at_idx" ON "audit_events"("at");

-- CreateIndex
CREATE INDEX "audit_events_actor_at_idx" ON "audit_events"("actor", "at");

-- CreateIndex
CREATE INDEX "audit_events_action_at_idx" ON "audit_events"("action", "at");

-- CreateIndex
CREATE INDEX "worker_instances_last_seen_at_idx" ON "worker_instances"("last_seen_at");
