export const dynamic = "force-dynamic";

/** The process answers; says nothing about Postgres or Kafka (that is /api/health/ready). */
export function GET(): Response {
  return Response.json({ status: "live" }, { headers: { "cache-control": "no-store" } });
}
