import os from "node:os";
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import type { TaskRunRecorder } from "./task-loop";

/** The worker's row in worker_instances, so the console can tell which workers are alive and what they run. */
export class InstanceStore implements TaskRunRecorder {
  readonly id = `${os.hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;

  async register(tasks: string[]): Promise<void> {
    const now = new Date();
    await getDb().workerInstance.create({
      data: { id: this.id, host: os.hostname(), pid: process.pid, startedAt: now, lastSeenAt: now, tasks },
    });
  }

  async heartbeat(): Promise<void> {
    await getDb().workerInstance.update({ where: { id: this.id }, data: { lastSeenAt: new Date() } });
  }

  async stopped(): Promise<void> {
    await getDb().workerInstance.update({ where: { id: this.id }, data: { stoppedAt: new Date(), lastSeenAt: new Date() } });
  }

  async started(task: string): Promise<void> {
    await getDb().workerTaskRun.upsert({
      where: { task },
      create: { task, lastStartedAt: new Date(), runs: 1n },
      update: { lastStartedAt: new Date(), runs: { increment: 1n } },
    });
  }

  async finished(task: string, error?: string): Promise<void> {
    await getDb().workerTaskRun.update({ where: { task }, data: { lastFinishedAt: new Date(), lastError: error ?? null } });
  }
}
