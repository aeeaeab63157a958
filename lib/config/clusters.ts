import { z } from "zod";
import { BrokerList, ClusterConfig, Flag, SaslMechanism } from "./schema";

type Env = Record<string, string | undefined>;
export type EnvIssue = { variable: string; message: string };

/** KAFKA_<NAME>_BROKERS for cluster "my-prod" is KAFKA_MY_PROD_BROKERS. */
export function clusterVariable(name: string, suffix: string): string {
  return `KAFKA_${name.toUpperCase().replace(/-/g, "_")}_${suffix}`;
}

function read<T>(env: Env, variable: string, schema: z.ZodType<T>, issues: EnvIssue[]): T | undefined {
  const result = schema.safeParse(env[variable]);
  if (result.success) return result.data;
  issues.push({ variable, message: describeValue(variable, env[variable], result.error.issues[0]?.message) });
  return undefined;
}

// Configuration errors are printed and logged, so a secret's value is never repeated in one.
const SECRET_VARIABLE = /(SECRET|PASSWORD|_TOKEN)$/;

/** The value as an error may show it: secrets hidden, a URL's password replaced. */
function shownValue(variable: string, value: string): string {
  if (SECRET_VARIABLE.test(variable)) return "a value, hidden";
  try {
    const url = new URL(value);
    if (url.password) {
      url.password = "***";
      return `"${url.toString()}"`;
    }
  } catch {
    // Not a URL: shown as it is.
  }
  return `"${value}"`;
}

export function describeValue(variable: string, value: string | undefined, message = "is invalid"): string {
  return value === undefined || value === "" ? "is not set" : `${message} (got ${shownValue(variable, value)})`;
}

export function readCluster(env: Env, name: string, issues: EnvIssue[]): ClusterConfig | undefined {
  const v = (suffix: string) => clusterVariable(name, suffix);
  const before = issues.length;
  // Only the implicit "local" cluster has a default address: the broker that scripts/kafka starts.
  const brokerDefault = name === "local" ? "127.0.0.1:9092" : undefined;
  const brokers = read(env, v("BROKERS"), brokerDefault ? BrokerList.prefault(brokerDefault) : BrokerList, issues);
  const clientId = read(env, v("CLIENT_ID"), z.string().min(1).default("flowdeck"), issues);
  const tlsEnabled = read(env, v("TLS"), Flag.default(false), issues);
  const caFile = read(env, v("TLS_CA_FILE"), z.string().min(1).optional(), issues);
  const rejectUnauthorized = read(env, v("TLS_REJECT_UNAUTHORIZED"), Flag.default(true), issues);
  const mechanism = read(env, v("SASL_MECHANISM"), SaslMechanism.optional(), issues);
  let sasl: ClusterConfig["sasl"];
  if (mechanism) {
    const username = read(env, v("SASL_USERNAME"), z.string().min(1), issues);
    const password = read(env, v("SASL_PASSWORD"), z.string().min(1), issues);
    if (username && password) sasl = { mechanism, username, password };
  }
  if (issues.length > before || !brokers || !clientId) return undefined;
  return { name, brokers, clientId, tls: { enabled: tlsEnabled ?? false, caFile, rejectUnauthorized: rejectUnauthorized ?? true }, sasl };
}
