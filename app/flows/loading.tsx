import { PageHeader } from "@/components/ui/page-header";
import { SkeletonBar } from "@/components/ui/skeleton";

export default function FlowsLoading() {
  return (
    <>
      <PageHeader title="Flows" description="Which services produce to and consume from which topics, how fast, how often it fails, and how far consumers lag." />
      <div role="status" aria-label="Drawing the flow map" className="flex h-96 flex-col gap-3 rounded-lg border border-border bg-surface p-4">
        <SkeletonBar className="h-10 w-1/4" />
        <SkeletonBar className="h-10 w-1/3 self-center" />
        <SkeletonBar className="h-10 w-1/4 self-end" />
      </div>
    </>
  );
}
