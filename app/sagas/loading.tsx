import { PageHeader } from "@/components/ui/page-header";
import { SkeletonBar } from "@/components/ui/skeleton";

export default function SagasLoading() {
  return (
    <>
      <PageHeader title="Sagas" />
      <div role="status" aria-label="Loading sagas" className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4">
        <SkeletonBar className="h-8 w-full" />
        <SkeletonBar className="h-6 w-3/5" />
        <SkeletonBar className="h-6 w-full" />
        <SkeletonBar className="h-6 w-full" />
        <SkeletonBar className="h-6 w-4/5" />
      </div>
    </>
  );
}
