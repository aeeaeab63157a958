import { authorizeRoute } from "@/lib/auth/route-access";
import { z } from "zod";
import { AppError, HTTP_STATUS } from "@/lib/errors";
import { findDlqTopic, readDlqPayload } from "@/lib/dlq";
import { configuredClusterNames } from "@/lib/kafka";

export const dynamic = "force-dynamic";

const Position = z.object({
  partition: z.string().regex(/^\d{1,10}$/, "a partition number").transform(Number).refine((p) => p <= 2 ** 31 - 1, "out of range"),
  offset: z.string().regex(/^\d{1,19}$/, "an offset").transform(BigInt).refine((o) => o <= 2n ** 63n - 1n, "out of range"),
});

/**
 * The whole payload of one DLQ message, as an attachment of raw bytes (never rendered by the browser). A viewer
 * gets it with masking rules applied, exactly as the drawer shows it; the file name and a header say so.
 */
export async function GET(request: Request, { params }: { params: Promise<{ cluster: string; topic: string }> }): Promise<Response> {
  const access = await authorizeRoute("viewer");
  if (!access.ok) return access.response;
  const { cluster, topic } = await params;
  const { operator } = access;
  const url = new URL(request.url);
  const position = Position.safeParse({ partition: url.searchParams.get("partition") ?? "", offset: url.searchParams.get("offset") ?? "" });
  if (!position.success) return Response.json({ error: `${position.error.issues[0]?.path.join(".") ?? "query"}: ${position.error.issues[0]?.message ?? "invalid"}` }, { status: 400 });
  try {
    if (!configuredClusterNames().includes(cluster) || !(await findDlqTopic(cluster, topic))) throw new AppError("NOT_FOUND", `No dead-letter topic ${topic} on ${cluster}.`);
    const { value, masking } = await readDlqPayload(cluster, topic, position.data.partition, position.data.offset, operator);
    const masked = masking !== null && masking.maskedBy.length > 0;
    const name = `${topic}-${position.data.partition}-${position.data.offset}${masked ? "-masked" : ""}.bin`.replace(/[^\w.-]/g, "_");
    const headers: Record<string, string> = {
      "content-type": "application/octet-stream", "content-disposition": `attachment; filename="${name}"`, "x-content-type-options": "nosniff", "cache-control": "no-store",
    };
    // Rule names are the administrator's labels (validated: no line breaks), never the hidden values.
    if (masked) headers["x-flowdeck-masked-by"] = encodeURIComponent(masking.maskedBy.join(","));
    return new Response(value === null ? new Uint8Array() : new Uint8Array(value), { headers });
  } catch (error) {
    if (error instanceof AppError) return Response.json({ error: error.message }, { status: HTTP_STATUS[error.code] });
    throw error;
  }
}
