import { clusterOverview, type ClusterOverview } from "@/lib/kafka";
import { ClusterView } from "@/components/clusters/cluster-view";

/** Reads one cluster on the server; even an unexpected failure becomes that cluster's red panel, not the page's. */
export async function ClusterSection({ name }: { name: string }) {
  let overview: ClusterOverview;
  try {
    overview = await clusterOverview(name);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    overview = { status: { name, up: false, latencyMs: 0, error: message, configuredBrokers: [] }, topics: [], groups: [] };
  }
  return <ClusterView overview={overview} checkedAt={new Date().toISOString()} />;
}
