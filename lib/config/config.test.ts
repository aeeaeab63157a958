import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./load";

const SECRET = "a-test-secret-of-at-least-32-characters";
const base = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/flowdeck", FLOWDECK_AUTH_SECRET: SECRET };
const oidc = {
  FLOWDECK_OIDC_ISSUER: "https://login.example.com/realms/ops/",
  FLOWDECK_OIDC_CLIENT_ID: "flowdeck",
  FLOWDECK_OIDC_CLIENT_SECRET: "client-secret-value",
  FLOWDECK_OIDC_ROLE_GROUPS: '{"operator": ["sre"]}',
};

function problem(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("gives the local cluster and documented defaults when only DATABASE_URL is set", () => {
    const config = parseConfig(base);
    expect(config.clusters).toEqual([
      { name: "local", brokers: ["127.0.0.1:9092"], clientId: "flowdeck", tls: { enabled: false, caFile: undefined, rejectUnauthorized: true }, sasl: undefined },
    ]);
    expect(config.defaultCluster).toBe("local");
    expect(config.stuckSagaThresholdMs).toBe(15 * 60_000);
    expect(config.spanRetentionMs).toBe(7 * 86_400_000);
    expect(config.auditRetentionMs).toBe(400 * 86_400_000);
    expect(parseConfig({ ...base, FLOWDECK_AUDIT_RETENTION: "730d" }).auditRetentionMs).toBe(730 * 86_400_000);
    expect(config.otlpMaxBodyBytes).toBe(8 * 1024 * 1024);
    expect(config.selfTracingUrl).toBeNull();
    expect(parseConfig({ ...base, FLOWDECK_SELF_TRACING: "true", PORT: "4000" }).selfTracingUrl).toBe("http://127.0.0.1:4000/api/otlp/v1/traces");
    expect(parseConfig({ ...base, FLOWDECK_SELF_TRACING: "true" }).selfTracingToOwnEndpoint).toBe(true);
    expect(parseConfig({ ...base, FLOWDECK_SELF_TRACING: "true", FLOWDECK_SELF_TRACING_URL: "http://c:4318/v1/traces" }).selfTracingToOwnEndpoint).toBe(false);
    expect(config.selfTracingToOwnEndpoint).toBe(false);
    expect(config.selfTracingTokenFile).toBeNull();
    expect(config.ingestTokenCacheTtlMs).toBe(15_000);
    expect(parseConfig({ ...base, FLOWDECK_INGEST_TOKEN_CACHE_TTL: "5s" }).ingestTokenCacheTtlMs).toBe(5_000);
    expect(config.metricsToken).toBeNull();
    expect(parseConfig({ ...base, FLOWDECK_METRICS_TOKEN: "scrape-token-0123456789" }).metricsToken).toBe("scrape-token-0123456789");
    expect(config.dlqTopicPattern.test("orders.payment.DLQ")).toBe(true);
    expect(config.dlqTopicPattern.test("dlq.orders")).toBe(true);
    expect(config.dlqTopicPattern.test("orders")).toBe(false);
    expect(config.dlqDiscoveryIntervalMs).toBe(30_000);
    expect(parseConfig({ ...base, FLOWDECK_DLQ_DISCOVERY_INTERVAL: "2s" }).dlqDiscoveryIntervalMs).toBe(2_000);
    expect(config.dlqHeaderSamplingMs).toBe(5 * 60_000);
    expect(parseConfig({ ...base, FLOWDECK_DLQ_HEADER_SAMPLING: "off" }).dlqHeaderSamplingMs).toBeNull();
    expect(parseConfig({ ...base, FLOWDECK_DLQ_HEADER_SAMPLING: "90s" }).dlqHeaderSamplingMs).toBe(90_000);
    expect(config.fourEyesAbove).toBeNull();
    expect(config.fourEyesExpiryMs).toBe(24 * 3_600_000);
    expect(parseConfig({ ...base, FLOWDECK_FOUR_EYES_ABOVE: "" }).fourEyesAbove).toBeNull();
    expect(parseConfig({ ...base, FLOWDECK_FOUR_EYES_ABOVE: "500", FLOWDECK_FOUR_EYES_EXPIRY: "2h" })).toMatchObject({ fourEyesAbove: 500, fourEyesExpiryMs: 7_200_000 });
  });

  it("reads sign-in settings: local accounts by default, single sign-on when configured", () => {
    const config = parseConfig(base);
    expect(config.auth).toEqual({ secret: SECRET, publicUrl: "http://127.0.0.1:3000", sessionTtlMs: 12 * 3_600_000, localAccounts: true, oidc: null });
    const sso = parseConfig({ ...base, ...oidc, FLOWDECK_PUBLIC_URL: "https://flowdeck.example.com/", FLOWDECK_SESSION_TTL: "8h" }).auth;
    expect(sso.publicUrl).toBe("https://flowdeck.example.com");
    expect(sso.sessionTtlMs).toBe(8 * 3_600_000);
    expect(sso.oidc).toMatchObject({ issuer: "https://login.example.com/realms/ops", clientId: "flowdeck", name: "Single sign-on", groupsClaim: "groups" });
    expect(sso.oidc?.roleGroups.get("sre")).toEqual(["operator"]);
  });

  it("never repeats a secret's value in an error", () => {
    const message = problem({ ...base, KAFKA_LOCAL_SASL_MECHANISM: "plain", KAFKA_LOCAL_SASL_USERNAME: "u", KAFKA_LOCAL_SASL_PASSWORD: "", FLOWDECK_AUTH_SECRET: "s3cr3t" });
    expect(message).not.toContain("s3cr3t");
    const url = problem({ ...base, DATABASE_URL: "mysql://app:hunter2@db/x" });
    expect(url).toContain('got "mysql://app:***@db/x"');
    expect(url).not.toContain("hunter2");
  });

  it("reads several named clusters with TLS and SASL", () => {
    const config = parseConfig({
      ...base,
      FLOWDECK_CLUSTERS: "local, prod-eu",
      FLOWDECK_DEFAULT_CLUSTER: "prod-eu",
      KAFKA_PROD_EU_BROKERS: "b1.example:9094,b2.example:9094",
      KAFKA_PROD_EU_TLS: "true",
      KAFKA_PROD_EU_SASL_MECHANISM: "scram-sha-512",
      KAFKA_PROD_EU_SASL_USERNAME: "console",
      KAFKA_PROD_EU_SASL_PASSWORD: "secret",
    });
    expect(config.clusters.map((c) => c.name)).toEqual(["local", "prod-eu"]);
    expect(config.defaultCluster).toBe("prod-eu");
    expect(config.clusters[1]).toMatchObject({
      brokers: ["b1.example:9094", "b2.example:9094"],
      tls: { enabled: true },
      sasl: { mechanism: "scram-sha-512", username: "console", password: "secret" },
    });
  });

  it("reads masking rules from the file FLOWDECK_MASKING_RULES_FILE names, and none without it", () => {
    expect(parseConfig(base).maskingRules).toEqual([]);
    const files: Record<string, string> = { "/etc/flowdeck/masking.json": '{"rules": [{"name": "pan", "topic": "payments.*", "regex": "\\\\b\\\\d{13,19}\\\\b"}]}' };
    const config = parseConfig({ ...base, FLOWDECK_MASKING_RULES_FILE: "/etc/flowdeck/masking.json" }, (path) => files[path] ?? "");
    expect(config.maskingRules.map((r) => r.name)).toEqual(["pan"]);
  });

  it.each([
    ["/missing.json", /^configuration error: FLOWDECK_MASKING_RULES_FILE cannot read \/missing\.json \(ENOENT\)$/],
    ["/bad-json.json", /^configuration error: FLOWDECK_MASKING_RULES_FILE \/bad-json\.json is not JSON: /],
    ["/bad-rule.json", /^configuration error: FLOWDECK_MASKING_RULES_FILE \/bad-rule\.json rule 2 \("iban"\): jsonPath must start with \$ \(got "items\[\*\]\.iban"\)$/],
  ])("refuses the masking rules file %s with one line naming the variable and the rule", (path, expected) => {
    const files: Record<string, string> = {
      "/bad-json.json": "{ rules: [] }",
      "/bad-rule.json": JSON.stringify({ rules: [{ name: "card", topic: "*", jsonPath: "$.card.number" }, { name: "iban", topic: "*", jsonPath: "items[*].iban" }] }),
    };
    const read = (file: string) => {
      const text = files[file];
      if (text === undefined) throw Object.assign(new Error("no such file"), { code: "ENOENT" });
      return text;
    };
    let message = "";
    try {
      parseConfig({ ...base, FLOWDECK_MASKING_RULES_FILE: path }, read);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      message = e.message;
    }
    expect(message).toMatch(expected);
    expect(message).not.toContain("\n");
  });

  it.each([
    [{}, /^configuration error: DATABASE_URL is not set; FLOWDECK_AUTH_SECRET is not set$/],
    [{ ...base, FLOWDECK_AUTH_SECRET: "short" }, /FLOWDECK_AUTH_SECRET must be at least 32 characters .*\(got a value, hidden\)/],
    [{ ...base, FLOWDECK_METRICS_TOKEN: "short-token" }, /FLOWDECK_METRICS_TOKEN must be at least 16 characters .*\(got a value, hidden\)/],
    [{ ...base, FLOWDECK_PUBLIC_URL: "flowdeck.example.com" }, /FLOWDECK_PUBLIC_URL expected an http\(s\) URL/],
    [{ ...base, FLOWDECK_SESSION_TTL: "1m" }, /FLOWDECK_SESSION_TTL sessions must last at least 5m/],
    [{ ...base, FLOWDECK_OIDC_ISSUER: "https://login.example.com" }, /FLOWDECK_OIDC_CLIENT_ID is required when single sign-on is configured.*; FLOWDECK_OIDC_CLIENT_SECRET is required/],
    [{ ...base, ...oidc, FLOWDECK_OIDC_ROLE_GROUPS: "operator=sre" }, /FLOWDECK_OIDC_ROLE_GROUPS is not JSON/],
    [{ ...base, ...oidc, FLOWDECK_OIDC_ROLE_GROUPS: "" }, /FLOWDECK_OIDC_ROLE_GROUPS maps no group to a role/],
    [{ ...base, FLOWDECK_LOCAL_ACCOUNTS: "false" }, /FLOWDECK_LOCAL_ACCOUNTS is false and single sign-on is not configured/],
    [{ DATABASE_URL: "mysql://x@y/z" }, /DATABASE_URL expected a postgresql:\/\/.* \(got "mysql:\/\/x@y\/z"\)/],
    [{ ...base, FLOWDECK_CLUSTERS: "prod" }, /KAFKA_PROD_BROKERS is not set/],
    [{ ...base, KAFKA_LOCAL_BROKERS: "localhost" }, /KAFKA_LOCAL_BROKERS expected host:port\[,host:port...\] \(got "localhost"\)/],
    [{ ...base, KAFKA_LOCAL_BROKERS: "h:99999" }, /KAFKA_LOCAL_BROKERS expected host:port/],
    [{ ...base, KAFKA_LOCAL_SASL_MECHANISM: "gssapi" }, /KAFKA_LOCAL_SASL_MECHANISM .*\(got "gssapi"\)/],
    [{ ...base, KAFKA_LOCAL_SASL_MECHANISM: "plain" }, /KAFKA_LOCAL_SASL_USERNAME is not set; KAFKA_LOCAL_SASL_PASSWORD is not set/],
    [{ ...base, KAFKA_LOCAL_TLS: "yes" }, /KAFKA_LOCAL_TLS .*\(got "yes"\)/],
    [{ ...base, FLOWDECK_CLUSTERS: "Prod EU" }, /FLOWDECK_CLUSTERS cluster names are lower-case/],
    [{ ...base, FLOWDECK_CLUSTERS: "local,local" }, /FLOWDECK_CLUSTERS names a cluster twice/],
    [{ ...base, FLOWDECK_DEFAULT_CLUSTER: "other" }, /FLOWDECK_DEFAULT_CLUSTER names "other", which is not in FLOWDECK_CLUSTERS/],
    [{ ...base, FLOWDECK_STUCK_SAGA_THRESHOLD: "soon" }, /FLOWDECK_STUCK_SAGA_THRESHOLD expected a duration such as 90s, 15m or 2h, got "soon"/],
    [{ ...base, FLOWDECK_DLQ_DISCOVERY_INTERVAL: "100ms" }, /FLOWDECK_DLQ_DISCOVERY_INTERVAL at least 1s/],
    [{ ...base, FLOWDECK_DLQ_HEADER_SAMPLING: "sometimes" }, /FLOWDECK_DLQ_HEADER_SAMPLING expected a duration such as 90s or 5m, or off, got "sometimes"/],
    [{ ...base, FLOWDECK_DLQ_TOPIC_PATTERN: "(" }, /FLOWDECK_DLQ_TOPIC_PATTERN not a valid regular expression/],
    [{ ...base, FLOWDECK_OTLP_MAX_BODY: "8 megs" }, /FLOWDECK_OTLP_MAX_BODY expected a size such as 512KB or 8MB, got "8 megs"/],
    [{ ...base, FLOWDECK_SPAN_RETENTION: "0d" }, /FLOWDECK_SPAN_RETENTION expected a duration/],
    [{ ...base, FLOWDECK_AUDIT_RETENTION: "12h" }, /FLOWDECK_AUDIT_RETENTION audit retention must be at least 1d/],
    [{ ...base, FLOWDECK_SELF_TRACING_URL: "collector:4318" }, /FLOWDECK_SELF_TRACING_URL expected an http\(s\) URL/],
    [{ ...base, FLOWDECK_FOUR_EYES_ABOVE: "0" }, /FLOWDECK_FOUR_EYES_ABOVE expected a positive whole number of messages .*\(got "0"\)/],
    [{ ...base, FLOWDECK_FOUR_EYES_ABOVE: "1.5" }, /FLOWDECK_FOUR_EYES_ABOVE expected a positive whole number/],
    [{ ...base, FLOWDECK_FOUR_EYES_ABOVE: "many" }, /FLOWDECK_FOUR_EYES_ABOVE expected a positive whole number .*\(got "many"\)/],
    [{ ...base, FLOWDECK_FOUR_EYES_EXPIRY: "forever" }, /FLOWDECK_FOUR_EYES_EXPIRY expected a duration such as 90s, 15m or 2h, got "forever"/],
    [{ ...base, FLOWDECK_INGEST_TOKEN_CACHE_TTL: "500ms" }, /FLOWDECK_INGEST_TOKEN_CACHE_TTL /],
    [{ ...base, FLOWDECK_INGEST_TOKEN_CACHE_TTL: "10m" }, /FLOWDECK_INGEST_TOKEN_CACHE_TTL at most 5m/],
    [{ ...base, FLOWDECK_INGEST_TOKEN_CACHE_TTL: "soon" }, /FLOWDECK_INGEST_TOKEN_CACHE_TTL expected a duration/],
    [{ ...base, PORT: "70000" }, /PORT .*\(got "70000"\)/],
    [{ ...base, PORT: "4000", FLOWDECK_WORKER_PORT: "4000" }, /FLOWDECK_WORKER_PORT must differ from PORT/],
  ])("rejects %j with one line naming the variable", (env, expected) => {
    const message = problem(env);
    expect(message).toMatch(expected);
    expect(message).not.toContain("\n");
  });
});
