// The order service's HTTP API: place and read orders, see how sagas stand, and turn the failure knobs.
//   POST /orders {sku, quantity, card, address} → 201 {orderId, sagaId}
//   GET  /orders/:id · GET /stats · GET /knobs · PUT /knobs {name: value, ...} · GET /health
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readKnobs, writeKnobs } from "../../knobs/knob-store";
import { validateKnobChanges } from "../../knobs/knobs";
import type { Runtime } from "../runtime";
import { OrderRequest, placeOrder } from "./place-order";

const MAX_BODY = 64 * 1024;

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export function startHttpApi(runtime: Runtime, port: number): Promise<Server> {
  const server = createServer((request, response) => {
    route(runtime, request).then(
      ([status, body]) => send(response, status, body),
      (error: unknown) => send(response, error instanceof HttpError ? error.status : 500, { error: error instanceof Error ? error.message : String(error) }),
    );
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

async function route(runtime: Runtime, request: IncomingMessage): Promise<[number, unknown]> {
  const url = new URL(request.url ?? "/", "http://localhost");
  const method = request.method ?? "GET";
  if (method === "POST" && url.pathname === "/orders") {
    const parsed = OrderRequest.safeParse(await readJson(request));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new HttpError(400, `${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`);
    }
    const order = await placeOrder(runtime, parsed.data);
    return [201, { orderId: order.orderId, sagaId: order.sagaId }];
  }
  const orderMatch = /^\/orders\/([\w-]+)$/.exec(url.pathname);
  if (method === "GET" && orderMatch) {
    const { rows } = await runtime.pool.query("SELECT id, saga_id, sku, quantity, amount_cents::int, saga_state, status, created_at, updated_at FROM orders WHERE id = $1", [orderMatch[1]]);
    if (rows.length === 0) throw new HttpError(404, "no such order");
    return [200, rows[0]];
  }
  if (method === "GET" && url.pathname === "/stats") {
    const { rows } = await runtime.pool.query<{ saga_state: string; count: number }>("SELECT saga_state, count(*)::int AS count FROM orders GROUP BY saga_state ORDER BY saga_state");
    return [200, Object.fromEntries(rows.map((row) => [row.saga_state, row.count]))];
  }
  if (url.pathname === "/knobs" && method === "GET") return [200, await readKnobs(runtime.pool)];
  if (url.pathname === "/knobs" && method === "PUT") {
    let changes;
    try {
      changes = validateKnobChanges(await readJson(request));
    } catch (error) {
      throw new HttpError(400, (error as Error).message);
    }
    await writeKnobs(runtime.pool, changes);
    return [200, await readKnobs(runtime.pool)];
  }
  if (method === "GET" && url.pathname === "/health") return [200, { status: "ok" }];
  throw new HttpError(404, `no route for ${method} ${url.pathname}`);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, `body over ${MAX_BODY} bytes`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, "body is not valid JSON");
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}
