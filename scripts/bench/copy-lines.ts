import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { SPAN_COLUMNS } from "@/lib/ingest/span-row";

/** COPY span lines straight into `spans`, in one chunk as Flowdeck's writer sends them: raw Postgres speed. */
export async function copySpanLines(client: pg.Client, lines: readonly string[]): Promise<void> {
  await pipeline(Readable.from([lines.join("")]), client.query(copyFrom(`COPY spans (${SPAN_COLUMNS.join(", ")}) FROM STDIN`)));
}
