import { z } from "zod";
import { parseDuration } from "./duration";

const CLUSTER_NAME = /^[a-z][a-z0-9-]{0,30}$/;
const BROKER = /^[A-Za-z0-9.-]+:\d{1,5}$/;

export const DEFAULT_DLQ_TOPIC_PATTERN = String.raw`(\.DLQ|\.dlq|\.DLT|-dlt|-dlq)$|^dlq\.`;

const duration = z.string().transform((text, ctx) => {
  const ms = parseDuration(text);
  if (ms === null || ms <= 0) {
    ctx.addIssue({ code: "custom", message: `expected a duration such as 90s, 15m or 2h, got "${text}"` });
    return z.NEVER;
  }
  return ms;
});

const SIZE = /^(\d+)(B|KB|MB|GB)$/;
const SIZE_BYTES = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 } as const;
const size = z.string().transform((text, ctx) => {
  const match = SIZE.exec(text.trim());
  if (!match) {
    ctx.addIssue({ code: "custom", message: `expected a size such as 512KB or 8MB, got "${text}"` });
    return z.NEVER;
  }
  return Number(match[1]) * SIZE_BYTES[match[2] as keyof typeof SIZE_BYTES];
});

const port = z.coerce.number().int().min(1).max(65535);

export const Flag = z.enum(["true", "false"]).transform((v) => v === "true");

export const PostgresUrl = z.string().refine((text) => {
  try {
    return ["postgres:", "postgresql:"].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}, "expected a postgresql://user@host:port/database URL");

export const BrokerList = z
  .string()
  .transform((text) => text.split(",").map((b) => b.trim()).filter(Boolean))
  .refine((list) => list.length > 0 && list.every((b) => BROKER.test(b) && Number(b.split(":")[1]) <= 65535),
    "expected host:port[,host:port...]");

export const ClusterName = z.string().regex(CLUSTER_NAME, "cluster names are lower-case letters, digits and dashes");

export const SaslMechanism = z.enum(["plain", "scram-sha-256", "scram-sha-512"]);

export const ClusterConfig = z.object({
  name: ClusterName,
  brokers: z.array(z.string()),
  clientId: z.string().min(1),
  tls: z.object({ enabled: z.boolean(), caFile: z.string().optional(), rejectUnauthorized: z.boolean() }),
  sasl: z.object({ mechanism: SaslMechanism, username: z.string().min(1), password: z.string().min(1) }).optional(),
});
export type ClusterConfig = z.infer<typeof ClusterConfig>;

/** The flat variables; per-cluster variables (KAFKA_<NAME>_*) are read by clusters.ts. */
export const FlatEnv = z.object({
  DATABASE_URL: PostgresUrl,
  FLOWDECK_CLUSTERS: z.string().default("local").transform((text) => text.split(",").map((n) => n.trim()).filter(Boolean))
    .pipe(z.array(ClusterName).min(1, "name at least one cluster")),
  FLOWDECK_DEFAULT_CLUSTER: ClusterName.optional(),
  FLOWDECK_DLQ_TOPIC_PATTERN: z.string().default(DEFAULT_DLQ_TOPIC_PATTERN).refine((p) => {
    try {
      new RegExp(p);
      return true;
    } catch {
      return false;
    }
  }, "not a valid regular expression"),
  // How often the topic list is read for new DLQ topics by name; a new DLQ appears within this.
  FLOWDECK_DLQ_DISCOVERY_INTERVAL: duration.pipe(z.number().min(1_000, "at least 1s").max(3_600_000, "at most 1h")).default(30_000),
  // How often other topics' newest messages are sampled for DLQ headers; "off" turns sampling off.
  FLOWDECK_DLQ_HEADER_SAMPLING: z.string().transform((text, ctx) => {
    if (text.trim() === "off") return null;
    const ms = parseDuration(text);
    if (ms !== null && ms > 0) return ms;
    ctx.addIssue({ code: "custom", message: `expected a duration such as 90s or 5m, or off, got "${text}"` });
    return z.NEVER;
  }).default(5 * 60_000),
  // Above this many messages a redrive asks the operator to type the count.
  FLOWDECK_REDRIVE_CONFIRM_ABOVE: z.coerce.number().int().min(1).max(100_000_000).default(1_000),
  // The four-eyes rule: a bulk redrive or discard of more than this many messages waits for a second operator's
  // approval. Unset: off.
  FLOWDECK_FOUR_EYES_ABOVE: z.string().optional().transform((text, ctx) => {
    if (text === undefined || text.trim() === "") return null; // an empty line in .env leaves the rule off
    const value = Number(text.trim());
    if (/^\d+$/.test(text.trim()) && value >= 1 && value <= 100_000_000) return value;
    ctx.addIssue({ code: "custom", message: "expected a positive whole number of messages (at most 100000000), or unset for off" });
    return z.NEVER;
  }),
  // How long such a request waits for a decision before it expires.
  FLOWDECK_FOUR_EYES_EXPIRY: duration.default(24 * 3_600_000),
  // A message already redriven this many times is not redriven again without an override (the loop guard).
  FLOWDECK_REDRIVE_MAX_COUNT: z.coerce.number().int().min(1).max(1_000).default(3),
  FLOWDECK_STUCK_SAGA_THRESHOLD: duration.default(15 * 60_000),
  FLOWDECK_KAFKA_TIMEOUT: duration.default(5_000),
  FLOWDECK_SPAN_RETENTION: duration.default(7 * 86_400_000),
  // Audit events are kept far longer than spans; the database refuses less than its own policy's minimum.
  FLOWDECK_AUDIT_RETENTION: duration.pipe(z.number().min(86_400_000, "audit retention must be at least 1d")).default(400 * 86_400_000),
  FLOWDECK_OTLP_MAX_BODY: size.default(8 * 1024 ** 2),
  FLOWDECK_SELF_TRACING: Flag.default(false),
  FLOWDECK_SELF_TRACING_URL: z.url({ protocol: /^https?$/, error: "expected an http(s) URL" }).optional(),
  // Signs session cookies and encrypts sign-in state; never sent to the browser. At least 32 characters.
  FLOWDECK_AUTH_SECRET: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 48`)"),
  // The address operators open Flowdeck at; sign-in redirects and the origin check use it.
  FLOWDECK_PUBLIC_URL: z.url({ protocol: /^https?$/, error: "expected an http(s) URL such as https://flowdeck.example.com" }).optional(),
  FLOWDECK_SESSION_TTL: duration.pipe(z.number().min(5 * 60_000, "sessions must last at least 5m").max(30 * 86_400_000, "sessions may last at most 30d")).default(12 * 3_600_000),
  FLOWDECK_LOCAL_ACCOUNTS: Flag.default(true),
  FLOWDECK_OIDC_ISSUER: z.url({ protocol: /^https?$/, error: "expected the issuer's http(s) URL" }).optional(),
  FLOWDECK_OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
  FLOWDECK_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  FLOWDECK_OIDC_NAME: z.string().trim().min(1).max(60).default("Single sign-on"),
  FLOWDECK_OIDC_GROUPS_CLAIM: z.string().trim().min(1).max(100).default("groups"),
  FLOWDECK_OIDC_ROLE_GROUPS: z.string().default(""),
  // A JSON file of rules that hide sensitive values in DLQ messages from viewers (README, "Masking"); read by load.ts.
  FLOWDECK_MASKING_RULES_FILE: z.string().trim().min(1).optional(),
  // A file holding the ingest token self-tracing sends; unset: Flowdeck mints its own for its own endpoint.
  FLOWDECK_SELF_TRACING_TOKEN_FILE: z.string().trim().min(1).optional(),
  // How long a process trusts its copy of the ingest tokens: a revoked token is refused within this bound.
  FLOWDECK_INGEST_TOKEN_CACHE_TTL: duration.pipe(z.number().min(1_000, "at least 1s").max(300_000, "at most 5m")).default(15_000),
  // When set, Prometheus must send it as a bearer token to scrape /api/metrics and the worker's /metrics.
  FLOWDECK_METRICS_TOKEN: z.string().min(16, "must be at least 16 characters (e.g. `openssl rand -hex 24`)").optional(),
  PORT: port.default(3000),
  FLOWDECK_WORKER_PORT: port.default(3001),
  FLOWDECK_LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});
export type FlatEnv = z.infer<typeof FlatEnv>;
