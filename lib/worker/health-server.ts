import http from "node:http";
import { pingDatabase } from "@/lib/db";
import { getMetrics } from "@/lib/metrics/registry";
import { SCRAPE_REFUSED, scrapeAllowed } from "@/lib/metrics/scrape-access";

/**
 * The worker's own probes and metrics, on FLOWDECK_WORKER_PORT, for when it runs apart from the web server.
 * `metricsToken`, when not null, is the bearer token a scrape of /metrics must send.
 */
export function startHealthServer(port: number, metricsToken: string | null, host = "127.0.0.1"): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    void (async () => {
      if (req.url === "/health/live") {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "live" }));
      } else if (req.url === "/health/ready") {
        const postgres = await pingDatabase();
        res.writeHead(postgres.up ? 200 : 503, { "content-type": "application/json" })
          .end(JSON.stringify({ status: postgres.up ? "ready" : "not ready", postgres }));
      } else if (req.url === "/metrics" && !scrapeAllowed(req.headers.authorization, metricsToken)) {
        res.writeHead(SCRAPE_REFUSED.status, SCRAPE_REFUSED.headers).end(SCRAPE_REFUSED.body);
      } else if (req.url === "/metrics") {
        const { registry } = getMetrics();
        res.writeHead(200, { "content-type": registry.contentType }).end(await registry.metrics());
      } else {
        res.writeHead(404).end();
      }
    })().catch(() => res.writeHead(500).end());
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}
