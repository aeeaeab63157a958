import { getConfig } from "@/lib/config";
import { getMetrics } from "@/lib/metrics";
import { SCRAPE_REFUSED, scrapeAllowed } from "@/lib/metrics/scrape-access";

export const dynamic = "force-dynamic";

/**
 * Prometheus text exposition of this web process's metrics. Outside sign-in, like the health checks, since
 * Prometheus has no session; FLOWDECK_METRICS_TOKEN, when set, is the bearer token a scrape must send.
 */
export async function GET(request: Request): Promise<Response> {
  if (!scrapeAllowed(request.headers.get("authorization"), getConfig().metricsToken)) {
    return new Response(SCRAPE_REFUSED.body, { status: SCRAPE_REFUSED.status, headers: SCRAPE_REFUSED.headers });
  }
  const { registry } = getMetrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}
