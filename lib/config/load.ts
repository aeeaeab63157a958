import { readCluster, describeValue, type EnvIssue } from "./clusters";
import { FlatEnv, type ClusterConfig } from "./schema";

export type Config = {
  databaseUrl: string;
  clusters: ClusterConfig[];
  defaultCluster: string;
  dlqTopicPattern: RegExp;
  /** How often topics are sampled for DLQ headers, or null when sampling is off. */
  dlqHeaderSamplingMs: number | null;
  /** Above this many messages a redrive asks for the count to be typed. */
  redriveConfirmAbove: number;
  /** The four-eyes rule: bulk redrives and discards above this many messages wait for a second operator; null: off. */
  fourEyesAbove: number | null;
  /** How long a four-eyes request waits for a decision before it expires. */
  fourEyesExpiryMs: number;
  /** The loop guard: how often a message may be redriven before it needs an override. */
  redriveMaxCount: number;
  stuckSagaThresholdMs: number;
  kafkaTimeoutMs: number;
  spanRetentionMs: number;
  /** How long audit events are kept (the database's audit_retention_policy may ask for longer). */
  auditRetentionMs: number;
  otlpMaxBodyBytes: number;
  /** Where Flowdeck sends its own spans, or null when it does not trace itself. */
  selfTracingUrl: string | null;
  operatorName: string;
  webPort: number;
  workerPort: number;
  logLevel: FlatEnv["FLOWDECK_LOG_LEVEL"];
};

/** A configuration problem, printed at start-up as one line that names the variable. */
export class ConfigError extends Error {
  constructor(readonly issues: EnvIssue[]) {
    super(`configuration error: ${issues.map((i) => `${i.variable} ${i.message}`).join("; ")}`);
    this.name = "ConfigError";
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const issues: EnvIssue[] = [];
  const flat = FlatEnv.safeParse(env);
  if (!flat.success) {
    for (const issue of flat.error.issues) {
      const variable = String(issue.path[0] ?? "environment");
      issues.push({ variable, message: describeValue(env[variable], issue.message) });
    }
    throw new ConfigError(issues);
  }
  const e = flat.data;
  const clusters = e.FLOWDECK_CLUSTERS.flatMap((name) => readCluster(env, name, issues) ?? []);
  const defaultCluster = e.FLOWDECK_DEFAULT_CLUSTER ?? e.FLOWDECK_CLUSTERS[0] ?? "local";
  if (!e.FLOWDECK_CLUSTERS.includes(defaultCluster)) {
    issues.push({ variable: "FLOWDECK_DEFAULT_CLUSTER", message: `names "${defaultCluster}", which is not in FLOWDECK_CLUSTERS` });
  }
  if (new Set(e.FLOWDECK_CLUSTERS).size !== e.FLOWDECK_CLUSTERS.length) {
    issues.push({ variable: "FLOWDECK_CLUSTERS", message: "names a cluster twice" });
  }
  if (e.PORT === e.FLOWDECK_WORKER_PORT) {
    issues.push({ variable: "FLOWDECK_WORKER_PORT", message: `must differ from PORT (both ${e.PORT})` });
  }
  if (issues.length > 0) throw new ConfigError(issues);
  return {
    databaseUrl: e.DATABASE_URL,
    clusters,
    defaultCluster,
    dlqTopicPattern: new RegExp(e.FLOWDECK_DLQ_TOPIC_PATTERN),
    dlqHeaderSamplingMs: e.FLOWDECK_DLQ_HEADER_SAMPLING,
    redriveConfirmAbove: e.FLOWDECK_REDRIVE_CONFIRM_ABOVE,
    redriveMaxCount: e.FLOWDECK_REDRIVE_MAX_COUNT,
    fourEyesAbove: e.FLOWDECK_FOUR_EYES_ABOVE,
    fourEyesExpiryMs: e.FLOWDECK_FOUR_EYES_EXPIRY,
    stuckSagaThresholdMs: e.FLOWDECK_STUCK_SAGA_THRESHOLD,
    kafkaTimeoutMs: e.FLOWDECK_KAFKA_TIMEOUT,
    spanRetentionMs: e.FLOWDECK_SPAN_RETENTION,
    auditRetentionMs: e.FLOWDECK_AUDIT_RETENTION,
    otlpMaxBodyBytes: e.FLOWDECK_OTLP_MAX_BODY,
    selfTracingUrl: e.FLOWDECK_SELF_TRACING ? (e.FLOWDECK_SELF_TRACING_URL ?? `http://127.0.0.1:${e.PORT}/api/otlp/v1/traces`) : null,
    operatorName: e.FLOWDECK_OPERATOR_NAME,
    webPort: e.PORT,
    workerPort: e.FLOWDECK_WORKER_PORT,
    logLevel: e.FLOWDECK_LOG_LEVEL,
  };
}
