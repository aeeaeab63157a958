import "server-only";
import { pingDatabase } from "@/lib/db";
import { clusterStatus, configuredClusterNames } from "@/lib/kafka";

export type DependencyHealth = { name: string; up: boolean; latencyMs: number; error?: string };
export type Readiness = { ready: boolean; postgres: DependencyHealth; clusters: DependencyHealth[] };

/** Ready means Postgres answers; a down Kafka cluster is reported but does not make Flowdeck unready. */
export async function checkReadiness(): Promise<Readiness> {
  const [postgres, clusters] = await Promise.all([
    pingDatabase(),
    Promise.all(configuredClusterNames().map((name) => clusterStatus(name))),
  ]);
  return {
    ready: postgres.up,
    postgres: { name: "postgres", up: postgres.up, latencyMs: postgres.latencyMs, ...(postgres.up ? {} : { error: postgres.error }) },
    clusters: clusters.map((c) => ({ name: c.name, up: c.up, latencyMs: c.latencyMs, ...(c.up ? {} : { error: c.error }) })),
  };
}
