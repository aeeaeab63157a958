import { getMetrics } from "@/lib/metrics";

export const dynamic = "force-dynamic";

/** Prometheus text exposition of this web process's metrics. */
export async function GET(): Promise<Response> {
  const { registry } = getMetrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}
