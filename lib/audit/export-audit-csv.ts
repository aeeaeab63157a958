import "server-only";
import { auditCsvLines } from "./audit-csv";
import type { AuditFilter } from "./audit-filter";
import { listAuditEvents, type AuditEventPage } from "./list-audit-events";

const BATCH = 1_000;

/**
 * The filter's events as a CSV stream, newest first, read a batch at a time as the client takes them.
 * The first batch is read before the stream is returned, so a store that is down fails the request
 * with an error status rather than a truncated 200.
 */
export async function auditCsvStream(filter: AuditFilter): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  let next: AuditEventPage | null = await listAuditEvents(filter, BATCH);
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const page: AuditEventPage = next ?? { events: [], nextCursor: null };
      controller.enqueue(encoder.encode(auditCsvLines(page.events, first)));
      first = false;
      if (page.nextCursor === null) {
        controller.close();
        return;
      }
      next = await listAuditEvents({ ...filter, cursor: page.nextCursor }, BATCH);
    },
  });
}
