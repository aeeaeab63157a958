import { authorizeRoute } from "@/lib/auth/route-access";
import { toActionError } from "@/lib/errors";
import { getSpan, spanDetail } from "@/lib/traces/queries";

export const dynamic = "force-dynamic";

/** One span's full details for the trace view's panel: JSON, with bigints already turned into text. */
export async function GET(_request: Request, { params }: { params: Promise<{ traceId: string; spanId: string }> }): Promise<Response> {
  const access = await authorizeRoute("viewer");
  if (!access.ok) return access.response;
  const { traceId, spanId } = await params;
  try {
    return Response.json(spanDetail(await getSpan(traceId, spanId)), { headers: { "cache-control": "private, max-age=3600" } });
  } catch (error) {
    const { status, error: body } = toActionError(error);
    return Response.json({ error: body }, { status });
  }
}
