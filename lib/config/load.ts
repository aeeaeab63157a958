import { readFileSync } from "node:fs";
import { MaskingRulesError, parseMaskingRules, type MaskingRule } from "@/lib/masking/rules";
import { readCluster, describeValue, type EnvIssue } from "./clusters";
import { FlatEnv, type ClusterConfig } from "./schema";
import { parseRoleGroups, type RoleGroups } from "@/lib/auth/role-groups";

export type Config = {
  databaseUrl: string;
  clusters: ClusterConfig[];
  defaultCluster: string;
  dlqTopicPattern: RegExp;
  /** How often the topic list is read for new DLQ topics by name. */
  dlqDiscoveryIntervalMs: number;
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
  auth: AuthConfig;
  /** Rules that hide sensitive values of DLQ messages from viewers; none when no rules file is set. */
  maskingRules: MaskingRule[];
  /** Whether self-tracing goes to this console's own endpoint (FLOWDECK_SELF_TRACING_URL unset). */
  selfTracingToOwnEndpoint: boolean;
  /** A file with the ingest token self-tracing sends; null: Flowdeck mints one when it traces into itself. */
  selfTracingTokenFile: string | null;
  /** How long an ingest token's state is cached per process (the bound on a revoke taking effect). */
  ingestTokenCacheTtlMs: number;
  /** Bearer token Prometheus must send to scrape metrics; null: metrics are open, like the health checks. */
  metricsToken: string | null;
  webPort: number;
  workerPort: number;
  logLevel: FlatEnv["FLOWDECK_LOG_LEVEL"];
};

export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The sign-in button's label. */
  name: string;
  /** The ID token claim that lists the user's groups. */
  groupsClaim: string;
  roleGroups: RoleGroups;
};

export type AuthConfig = {
  secret: string;
  publicUrl: string;
  sessionTtlMs: number;
  localAccounts: boolean;
  /** Single sign-on through OpenID Connect, or null when it is not configured. */
  oidc: OidcConfig | null;
};

/** A configuration problem, printed at start-up as one line that names the variable. */
export class ConfigError extends Error {
  constructor(readonly issues: EnvIssue[]) {
    super(`configuration error: ${issues.map((i) => `${i.variable} ${i.message}`).join("; ")}`);
    this.name = "ConfigError";
  }
}

/** Reads a file's text; parseConfig takes it as a parameter so its tests need no files. */
export type ReadTextFile = (path: string) => string;
const readTextFile: ReadTextFile = (path) => readFileSync(path, "utf8");

function readMaskingRules(path: string | undefined, read: ReadTextFile, issues: EnvIssue[]): MaskingRule[] {
  if (path === undefined) return [];
  let text: string;
  try {
    text = read(path);
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : "unreadable";
    issues.push({ variable: "FLOWDECK_MASKING_RULES_FILE", message: `cannot read ${path} (${code})` });
    return [];
  }
  try {
    return parseMaskingRules(text);
  } catch (error) {
    if (!(error instanceof MaskingRulesError)) throw error;
    issues.push({ variable: "FLOWDECK_MASKING_RULES_FILE", message: `${path} ${error.message}` });
    return [];
  }
}

export function parseConfig(env: Record<string, string | undefined>, read: ReadTextFile = readTextFile): Config {
  const issues: EnvIssue[] = [];
  const flat = FlatEnv.safeParse(env);
  if (!flat.success) {
    for (const issue of flat.error.issues) {
      const variable = String(issue.path[0] ?? "environment");
      issues.push({ variable, message: describeValue(variable, env[variable], issue.message) });
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
  const oidc = readOidc(e, issues);
  if (!e.FLOWDECK_LOCAL_ACCOUNTS && !oidc) {
    issues.push({ variable: "FLOWDECK_LOCAL_ACCOUNTS", message: "is false and single sign-on is not configured, so nobody could sign in" });
  }
  const maskingRules = readMaskingRules(e.FLOWDECK_MASKING_RULES_FILE, read, issues);
  if (issues.length > 0) throw new ConfigError(issues);
  return {
    databaseUrl: e.DATABASE_URL,
    clusters,
    defaultCluster,
    dlqTopicPattern: new RegExp(e.FLOWDECK_DLQ_TOPIC_PATTERN),
    dlqDiscoveryIntervalMs: e.FLOWDECK_DLQ_DISCOVERY_INTERVAL,
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
    auth: {
      secret: e.FLOWDECK_AUTH_SECRET,
      publicUrl: (e.FLOWDECK_PUBLIC_URL ?? `http://127.0.0.1:${e.PORT}`).replace(/\/+$/, ""),
      sessionTtlMs: e.FLOWDECK_SESSION_TTL,
      localAccounts: e.FLOWDECK_LOCAL_ACCOUNTS,
      oidc,
    },
    maskingRules,
    selfTracingToOwnEndpoint: e.FLOWDECK_SELF_TRACING && e.FLOWDECK_SELF_TRACING_URL === undefined,
    selfTracingTokenFile: e.FLOWDECK_SELF_TRACING_TOKEN_FILE ?? null,
    ingestTokenCacheTtlMs: e.FLOWDECK_INGEST_TOKEN_CACHE_TTL,
    metricsToken: e.FLOWDECK_METRICS_TOKEN ?? null,
    webPort: e.PORT,
    workerPort: e.FLOWDECK_WORKER_PORT,
    logLevel: e.FLOWDECK_LOG_LEVEL,
  };
}

const OIDC_REQUIRED = ["FLOWDECK_OIDC_ISSUER", "FLOWDECK_OIDC_CLIENT_ID", "FLOWDECK_OIDC_CLIENT_SECRET"] as const;

/** Single sign-on is on when its issuer, client id and secret are all set; some but not all is a mistake. */
function readOidc(e: FlatEnv, issues: EnvIssue[]): OidcConfig | null {
  const [issuer, clientId, clientSecret] = OIDC_REQUIRED.map((name) => e[name]);
  const missing = OIDC_REQUIRED.filter((name) => e[name] === undefined);
  if (missing.length === OIDC_REQUIRED.length) return null;
  if (issuer === undefined || clientId === undefined || clientSecret === undefined) {
    for (const name of missing) issues.push({ variable: name, message: "is required when single sign-on is configured (FLOWDECK_OIDC_ISSUER, _CLIENT_ID and _CLIENT_SECRET go together)" });
    return null;
  }
  const mapping = parseRoleGroups(e.FLOWDECK_OIDC_ROLE_GROUPS);
  if (!mapping.ok) {
    issues.push({ variable: "FLOWDECK_OIDC_ROLE_GROUPS", message: mapping.message });
    return null;
  }
  if (mapping.groups.size === 0) {
    issues.push({ variable: "FLOWDECK_OIDC_ROLE_GROUPS", message: "maps no group to a role, so no single sign-on user could sign in" });
    return null;
  }
  return {
    issuer: issuer.replace(/\/+$/, ""),
    clientId,
    clientSecret,
    name: e.FLOWDECK_OIDC_NAME,
    groupsClaim: e.FLOWDECK_OIDC_GROUPS_CLAIM,
    roleGroups: mapping.groups,
  };
}
