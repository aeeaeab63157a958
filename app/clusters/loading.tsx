import { PageHeader } from "@/components/ui/page-header";
import { SkeletonBar } from "@/components/ui/skeleton";

export default function ClustersLoading() {
  return (
    <>
      <PageHeader title="Clusters" description="Brokers, topics and consumer groups of each configured Kafka cluster." />
      <div role="status" aria-label="Loading clusters" className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4">
        <SkeletonBar className="h-5 w-40" />
        <SkeletonBar className="h-8 w-full" />
        <SkeletonBar className="h-6 w-full" />
        <SkeletonBar className="h-6 w-4/5" />
      </div>
    </>
  );
}
