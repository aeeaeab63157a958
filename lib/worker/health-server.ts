import http from "node:http";
import { pingDatabase } from "@/lib/db";
import { getMetrics } from "@/lib/metrics/registry";

/** The worker's own probes and metrics, on FLOWDECK_WORKER_PORT, for when it runs apart from the web server. */
export function startHealthServer(port: number, host = "127.0.0.1"): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    void (async () => {
      if (req.url === "/health/live") {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "live" }));
      } else if (req.url === "/health/ready") {
        const postgres = await pingDatabase();
        res.writeHead(postgres.up ? 200 : 503, { "content-type": "application/json" })
          .end(JSON.stringify({ status: postgres.up ? "ready" : "not ready", postgres }));
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
