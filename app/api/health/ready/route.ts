import { checkReadiness } from "@/lib/health";

export const dynamic = "force-dynamic";

/** 200 while Postgres answers (even with a Kafka cluster down), 503 otherwise; the body lists each dependency. */
export async function GET(): Promise<Response> {
  const readiness = await checkReadiness();
  return Response.json(readiness, { status: readiness.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
