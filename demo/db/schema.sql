-- The reference system's tables. In production each service would own its database; here they share
-- one so the demo needs a single Postgres, but no service touches another's tables.

-- order service
CREATE TABLE IF NOT EXISTS orders (
  id          text PRIMARY KEY,
  saga_id     text NOT NULL UNIQUE,
  sku         text NOT NULL,
  quantity    integer NOT NULL CHECK (quantity > 0),
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  card        text NOT NULL,
  address     text NOT NULL,
  -- where the order-fulfillment saga stands (see demo/saga/order-saga.ts)
  saga_state  text NOT NULL,
  status      text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- inventory service
CREATE TABLE IF NOT EXISTS inventory_stock (
  sku       text PRIMARY KEY,
  available integer NOT NULL CHECK (available >= 0)
);
CREATE TABLE IF NOT EXISTS inventory_reservations (
  order_id text PRIMARY KEY,
  sku      text NOT NULL,
  quantity integer NOT NULL,
  status   text NOT NULL CHECK (status IN ('reserved', 'released')),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- payment service, and the simulated gateway's own ledger (an external system keyed by idempotency key)
CREATE TABLE IF NOT EXISTS payments (
  order_id  text PRIMARY KEY,
  charge_id text NOT NULL,
  amount_cents bigint NOT NULL,
  status    text NOT NULL CHECK (status IN ('charged', 'refunded')),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS gateway_operations (
  idempotency_key text PRIMARY KEY,
  kind      text NOT NULL CHECK (kind IN ('charge', 'refund')),
  order_id  text NOT NULL,
  amount_cents bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- shipping service
CREATE TABLE IF NOT EXISTS shipments (
  order_id text PRIMARY KEY,
  tracking text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- every service: its transactional outbox and the events it has processed (the dedupe key)
CREATE TABLE IF NOT EXISTS outbox (
  id         bigserial PRIMARY KEY,
  service    text NOT NULL,
  topic      text NOT NULL,
  key        text NOT NULL,
  value      text NOT NULL,
  headers    jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at    timestamptz
);
CREATE INDEX IF NOT EXISTS outbox_unsent ON outbox (service, id) WHERE sent_at IS NULL;

CREATE TABLE IF NOT EXISTS processed_events (
  consumer     text NOT NULL,
  event_id     text NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);

-- failure knobs, shared by all services so one change reaches every process
CREATE TABLE IF NOT EXISTS demo_knobs (
  name  text PRIMARY KEY,
  value double precision NOT NULL
);
