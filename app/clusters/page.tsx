import type { Metadata } from "next";
import { Suspense } from "react";
import { configuredClusterNames } from "@/lib/kafka";
import { AutoRefresh } from "@/components/auto-refresh";
import { ClusterJumpLinks } from "@/components/clusters/cluster-jump-links";
import { ClusterSkeleton } from "@/components/clusters/cluster-skeleton";
import { PageHeader } from "@/components/ui/page-header";
import { ClusterSection } from "./cluster-section";
import { requirePageRole } from "@/lib/auth/page-access";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Clusters" };

const REFRESH_MS = 5_000;

export default async function ClustersPage() {
  await requirePageRole();
  const names = configuredClusterNames();
  const renderedAt = new Date().toISOString();
  return (
    <>
      <PageHeader
        title="Clusters"
        description="Brokers, topics and consumer groups of each configured Kafka cluster."
        actions={<AutoRefresh updatedAt={renderedAt} intervalMs={REFRESH_MS} />}
      />
      <ClusterJumpLinks names={names} />
      <div className="flex flex-col gap-6">
        {names.map((name) => (
          // One boundary per cluster: a slow or down cluster never holds the others back.
          <Suspense key={name} fallback={<ClusterSkeleton name={name} />}>
            <ClusterSection name={name} />
          </Suspense>
        ))}
      </div>
    </>
  );
}
