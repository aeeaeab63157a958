import fs from "node:fs";
import { logLevel, type KafkaConfig, type SASLOptions } from "kafkajs";
import type { ClusterConfig } from "@/lib/config";
import { log } from "@/lib/log";

const LEVEL_NAMES: Record<number, "error" | "warn" | "info" | "debug"> = {
  [logLevel.ERROR]: "error",
  [logLevel.WARN]: "warn",
  [logLevel.INFO]: "info",
  [logLevel.DEBUG]: "debug",
};

function sasl(cluster: ClusterConfig): SASLOptions | undefined {
  if (!cluster.sasl) return undefined;
  const { mechanism, username, password } = cluster.sasl;
  return { mechanism, username, password };
}

/** kafkajs settings for one cluster: short connect and request timeouts so a dead broker fails fast. */
export function kafkaConfigFor(cluster: ClusterConfig, timeoutMs: number): KafkaConfig {
  return {
    clientId: cluster.clientId,
    brokers: cluster.brokers,
    ssl: cluster.tls.enabled
      ? { rejectUnauthorized: cluster.tls.rejectUnauthorized, ca: cluster.tls.caFile ? [fs.readFileSync(cluster.tls.caFile, "utf8")] : undefined }
      : false,
    sasl: sasl(cluster),
    connectionTimeout: Math.min(3_000, timeoutMs),
    requestTimeout: timeoutMs,
    enforceRequestTimeout: true,
    // Flowdeck's own breaker and timeout decide when to give up; kafkajs retries only briefly inside that.
    retry: { retries: 1, initialRetryTime: 200, maxRetryTime: 1_000 },
    // kafkajs logs every failed connection; while a cluster is down that is a line per call, so its
    // messages go to debug and the breaker logs the cluster going down and coming back once each.
    logLevel: logLevel.WARN,
    logCreator: () => ({ namespace, level, log: entry }) => {
      const { message, ...fields } = entry;
      log.debug(`kafkajs ${namespace}: ${message}`, { cluster: cluster.name, kafkajsLevel: LEVEL_NAMES[level], ...fields });
    },
  };
}
