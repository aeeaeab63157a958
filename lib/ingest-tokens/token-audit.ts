import "server-only";
import type { PoolClient } from "pg";
import { recordAuditEvent } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { errorMessage, log } from "@/lib/log";

export type IngestTokenAction = "ingest-token.create" | "ingest-token.revoke" | "ingest-token.rotate";

export function recordTokenEvent(client: PoolClient, actor: string, action: IngestTokenAction, name: string, details: Record<string, unknown>): Promise<string> {
  return recordAuditEvent({ actor, action, target: name, details, outcome: "ok" }, client);
}

/** A refused attempt is audited too (outside the rolled-back transaction), then the error goes on. */
export async function refuse(actor: string, action: IngestTokenAction, name: string, error: AppError): Promise<never> {
  await recordAuditEvent({ actor, action, target: name.slice(0, 100), details: { code: error.code, message: error.message }, outcome: "failed" })
    .catch((failure: unknown) => log.warn("could not audit a refused ingest token change", { action, error: errorMessage(failure) }));
  throw error;
}

/** BEGIN … COMMIT on one pooled connection; anything thrown rolls back. */
export async function inTransaction<T>(client: PoolClient, work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    const result = await work();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
