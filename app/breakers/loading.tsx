import { PageHeader } from "@/components/ui/page-header";
import { SkeletonBar } from "@/components/ui/skeleton";

export default function BreakersLoading() {
  return (
    <>
      <PageHeader title="Breakers" />
      <div role="status" aria-label="Reading breakers" className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4">
        <SkeletonBar className="h-8 w-2/5" />
        <SkeletonBar className="h-6 w-full" />
        <SkeletonBar className="h-6 w-full" />
        <SkeletonBar className="h-6 w-4/5" />
      </div>
    </>
  );
}
