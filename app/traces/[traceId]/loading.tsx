import { PageHeader } from "@/components/ui/page-header";
import { SkeletonBar } from "@/components/ui/skeleton";

export default function TraceLoading() {
  return (
    <>
      <PageHeader title="Trace" />
      <div role="status" aria-label="Loading trace" className="flex flex-col gap-2 rounded-lg border border-border bg-surface p-4">
        <SkeletonBar className="h-5 w-2/5" />
        {Array.from({ length: 8 }, (_, i) => (
          <SkeletonBar key={i} className="h-6" />
        ))}
      </div>
    </>
  );
}
