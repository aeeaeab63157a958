import { authorizeRoute } from "@/lib/auth/route-access";
import { auditCsvStream } from "@/lib/audit";
import { parseAuditUrl } from "@/components/audit/audit-url";
import { operatorTimeZone } from "@/components/time-window/operator-time-zone";

export const dynamic = "force-dynamic";

/** The Audit page's current filter as CSV (all pages), streamed as an attachment. */
export async function GET(request: Request): Promise<Response> {
  const access = await authorizeRoute("viewer");
  if (!access.ok) return access.response;
  const url = new URL(request.url);
  const parsed = parseAuditUrl(Object.fromEntries(url.searchParams), new Date(), await operatorTimeZone());
  if (!parsed.ok) {
    return Response.json({ error: parsed.problems.map((p) => `${p.param}: ${p.message}`).join("; ") }, { status: 400 });
  }
  const stamp = (d: Date) => d.toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
  const name = `flowdeck-audit-${stamp(parsed.filter.from)}-${stamp(parsed.filter.to)}.csv`;
  return new Response(await auditCsvStream(parsed.filter), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    },
  });
}
