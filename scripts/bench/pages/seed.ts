// Seeds the incident pages' benchmark database straight in SQL (generate_series runs inside Postgres, so ten
// million spans take minutes, not the better part of an hour through a client): spans spread over the last 24
// hours across the reference system's services, sagas with their steps, breakers with transitions and call
// outcomes, and flow edges per minute, as the projector would have left them.
import pg from "pg";

export const SERVICES = ["order-service", "inventory-service", "payment-service", "shipping-service", "notification-service", "fraud-service", "ledger-service", "api-gateway"] as const;
export const TOPICS = ["orders.placed", "inventory.commands", "inventory.replies", "payment.commands", "payment.replies", "shipping.commands", "shipping.replies", "notifications"] as const;
const STEPS = ["reserve-inventory", "charge-payment", "create-shipment", "notify-customer"] as const;

export type SeedPlan = { spans: number; sagas: number; breakers: number };

async function timed(label: string, client: pg.Client, sql: string, params: unknown[] = []): Promise<void> {
  const started = performance.now();
  await client.query(sql, params);
  console.log(`bench: seeded ${label} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

export async function seed(databaseUrl: string, plan: SeedPlan): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off");
    await client.query("SELECT flowdeck_ensure_span_partitions((now() - interval '2 days')::date, (now() + interval '2 days')::date)");
    const services = [...SERVICES];
    const topics = [...TOPICS];
    // Spans: ten per trace, one span every 24 h / n, a saga id on the saga-carrying ones, messaging attributes on most.
    await timed(`${plan.spans.toLocaleString("en-US")} spans`, client, `
      INSERT INTO spans (trace_id, span_id, parent_span_id, start_time, start_ns, duration_ns, name, kind, service_name, status_code,
                         status_message, scope_name, resource_attrs, attrs, messaging_cluster, messaging_destination, messaging_operation,
                         messaging_consumer_group, messaging_message_id, messaging_partition, messaging_offset, saga_id, saga_key)
      SELECT decode(lpad(to_hex(g / 10), 32, '0'), 'hex'), decode(lpad(to_hex(g), 16, '0'), 'hex'),
             CASE WHEN g % 10 = 0 THEN NULL ELSE decode(lpad(to_hex(g - g % 10), 16, '0'), 'hex') END,
             t, (extract(epoch FROM t) * 1e9)::bigint, (1 + g % 80) * 1000000, CASE WHEN g % 2 = 0 THEN 'send' ELSE 'process' END,
             CASE WHEN g % 2 = 0 THEN 4 ELSE 5 END, ($3::text[])[1 + g % 8], CASE WHEN g % 97 = 0 THEN 2 ELSE 0 END,
             CASE WHEN g % 97 = 0 THEN 'gateway timeout' END, 'bench', jsonb_build_object('service.name', ($3::text[])[1 + g % 8]),
             jsonb_build_object('messaging.system', 'kafka', 'messaging.destination.name', ($4::text[])[1 + g % 8], 'saga.id', 's-' || (g / 10) % $2,
                                'app.tenant', 'tenant-' || g % 50, 'retry.attempt', 1),
             'local', ($4::text[])[1 + g % 8], CASE WHEN g % 2 = 0 THEN 'send' ELSE 'process' END,
             CASE WHEN g % 2 = 1 THEN ($3::text[])[1 + g % 8] END, 'm-' || g, g % 6, g / 6, 's-' || (g / 10) % $2, 'order-' || (g / 10) % $2
        FROM generate_series(0, $1::bigint - 1) g, LATERAL (SELECT now() - interval '24 hours' + (g * (86400.0 / $1)) * interval '1 second' AS t) x`,
      [plan.spans, plan.sagas, services, topics]);
    // Sagas: over the last 24 hours; 90% completed, the rest failed, compensated, compensating or running (some of them stuck).
    await timed(`${plan.sagas.toLocaleString("en-US")} sagas`, client, `
      INSERT INTO sagas (id, name, key, status, started_at, last_progress_at, ended_at, current_step, failed_step, error, step_count)
      SELECT 's-' || g, CASE WHEN g % 5 = 0 THEN 'refund' ELSE 'order-fulfillment' END, 'order-' || g, st,
             t, t + interval '2 seconds' * (1 + g % 3), CASE WHEN st IN ('completed', 'compensated', 'failed') THEN t + interval '3 seconds' END,
             ($2::text[])[1 + g % 4], CASE WHEN st IN ('compensated', 'failed', 'compensating') THEN 'charge-payment' END,
             CASE WHEN st IN ('compensated', 'failed', 'compensating') THEN 'card declined' END, 4
        FROM generate_series(0, $1::bigint - 1) g,
             LATERAL (SELECT now() - interval '24 hours' + (g * (86400.0 / $1)) * interval '1 second' AS t,
                             CASE WHEN g % 100 < 90 THEN 'completed' WHEN g % 100 < 94 THEN 'compensated' WHEN g % 100 < 96 THEN 'failed'
                                  WHEN g % 100 < 98 THEN 'compensating' ELSE 'started' END AS st) x`,
      [plan.sagas, [...STEPS]]);
    await timed("saga steps (4 per saga)", client, `
      INSERT INTO saga_steps (saga_id, span_id, trace_id, step, kind, service, status, started_at, ended_at, error, attempt)
      SELECT s.id, lpad(to_hex(row_number() OVER ()), 16, '0'), lpad(to_hex(substr(s.id, 3)::bigint), 32, '0'), ($1::text[])[k], 'action',
             ($2::text[])[k], CASE WHEN s.failed_step = ($1::text[])[k] THEN 'error' ELSE 'ok' END,
             s.started_at + (k - 1) * interval '500 ms', s.started_at + (k - 1) * interval '500 ms' + interval '200 ms',
             CASE WHEN s.failed_step = ($1::text[])[k] THEN s.error END, 1
        FROM sagas s, generate_series(1, 4) k`,
      [[...STEPS], ["inventory-service", "payment-service", "shipping-service", "notification-service"]]);
    // Breakers: each service has a few; a transition every few minutes over the day for some, call outcomes per minute.
    await timed(`${plan.breakers} breakers with transitions`, client, `
      INSERT INTO breaker_transitions (service, breaker, from_state, to_state, at, at_ns, span_id, trace_id)
      SELECT ($2::text[])[1 + b % 8], 'breaker-' || b, CASE WHEN i % 3 = 0 THEN 'closed' WHEN i % 3 = 1 THEN 'open' ELSE 'half_open' END,
             CASE WHEN i % 3 = 0 THEN 'open' WHEN i % 3 = 1 THEN 'half_open' ELSE 'closed' END, t, (extract(epoch FROM t) * 1e9)::bigint,
             lpad(to_hex(b * 1000 + i), 16, '0'), lpad(to_hex(b * 1000 + i), 32, '0')
        FROM generate_series(0, $1 - 1) b, generate_series(0, CASE WHEN b % 4 = 0 THEN 95 ELSE 2 END) i,
             LATERAL (SELECT now() - interval '24 hours' + i * interval '15 minutes' + b * interval '1 second' AS t) x`,
      [plan.breakers, services]);
    await timed("breaker states", client, `
      INSERT INTO breaker_states (service, breaker, state, since)
      SELECT DISTINCT ON (service, breaker) service, breaker, to_state, at FROM breaker_transitions ORDER BY service, breaker, at DESC`);
    await timed("resilience minutes (24 h)", client, `
      INSERT INTO resilience_minutes (kind, service, name, minute, outcome, count)
      SELECT 'breaker', ($2::text[])[1 + b % 8], 'breaker-' || b, m, o, CASE WHEN o = 'success' THEN 50 + b % 20 ELSE b % 7 END
        FROM generate_series(0, $1 - 1) b, generate_series(date_trunc('minute', now() - interval '24 hours'), now(), interval '1 minute') m,
             unnest(ARRAY['success', 'failure', 'timeout', 'rejected']) o
      UNION ALL
      SELECT 'bulkhead', ($2::text[])[1 + b % 8], 'bulkhead-' || b, m, o, CASE WHEN o = 'admitted' THEN 40 ELSE b % 3 END
        FROM generate_series(0, 7) b, generate_series(date_trunc('minute', now() - interval '24 hours'), now(), interval '1 minute') m,
             unnest(ARRAY['admitted', 'rejected']) o
      UNION ALL
      SELECT 'retry', ($2::text[])[1 + b % 8], ($3::text[])[1 + b % 8], m, o, CASE WHEN o = 'attempt' THEN 5 ELSE b % 2 END
        FROM generate_series(0, 7) b, generate_series(date_trunc('minute', now() - interval '24 hours'), now(), interval '1 minute') m,
             unnest(ARRAY['attempt', 'exhausted']) o`,
      [plan.breakers, services, topics]);
    await timed("flow edges (24 h)", client, `
      INSERT INTO flow_edge_minutes (minute, cluster, topic, direction, service, consumer_group, count, errors)
      SELECT m, 'local', ($2::text[])[1 + e], d, ($1::text[])[1 + (e + CASE WHEN d = 'produce' THEN 0 ELSE 1 END) % 8],
             CASE WHEN d = 'consume' THEN ($1::text[])[1 + (e + 1) % 8] ELSE '' END, 100 + e * 10, CASE WHEN e % 3 = 0 THEN e ELSE 0 END
        FROM generate_series(0, 7) e, generate_series(date_trunc('minute', now() - interval '24 hours'), now(), interval '1 minute') m,
             unnest(ARRAY['produce', 'consume']) d`,
      [services, topics]);
    await timed("ANALYZE", client, "ANALYZE");
  } finally {
    await client.end();
  }
}
