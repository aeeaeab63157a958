import "server-only";
import { clusterStatus, configuredClusterNames } from "@/lib/kafka";

export type BrokerHealth = { name: string; up: boolean; latencyMs: number; brokers: number; error: string | null };

/** The overview never waits longer than this for a cluster; a slower one is reported as not answering. */
export const BROKER_CHECK_BOUND_MS = 2_500;

/**
 * Every configured cluster, checked at once, each bounded: clusterStatus is already bounded by the
 * cluster's timeout and breaker, and this tighter bound keeps the overview quick when a broker hangs.
 */
export async function brokerHealth(boundMs = BROKER_CHECK_BOUND_MS): Promise<BrokerHealth[]> {
  return Promise.all(configuredClusterNames().map(async (name): Promise<BrokerHealth> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const bound = new Promise<BrokerHealth>((resolve) => {
      timer = setTimeout(() => resolve({ name, up: false, latencyMs: boundMs, brokers: 0, error: `no answer within ${String(boundMs / 1000)} s` }), boundMs);
    });
    try {
      return await Promise.race([bound, clusterStatus(name).then((status): BrokerHealth => status.up
        ? { name, up: true, latencyMs: status.latencyMs, brokers: status.brokers.length, error: null }
        : { name, up: false, latencyMs: status.latencyMs, brokers: 0, error: status.error })]);
    } finally {
      clearTimeout(timer);
    }
  }));
}
