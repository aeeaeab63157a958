import { PageHeader } from "@/components/ui/page-header";
import { SkeletonBar } from "@/components/ui/skeleton";

export default function OverviewLoading() {
  return (
    <>
      <PageHeader title="Overview" />
      <div role="status" aria-label="Loading the overview" className="flex flex-col gap-4">
        <SkeletonBar className="h-16 w-full" />
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
          <SkeletonBar className="h-40 w-full" />
          <SkeletonBar className="h-40 w-full" />
          <SkeletonBar className="h-32 w-full" />
          <SkeletonBar className="h-32 w-full" />
        </div>
      </div>
    </>
  );
}
