import { PageHeader } from "@/components/ui/page-header";
import { SkeletonBar } from "@/components/ui/skeleton";

export default function TracesLoading() {
  return (
    <>
      <PageHeader title="Traces" description="Find a trace by service, operation, saga or message, then follow it across services and Kafka topics." />
      <div role="status" aria-label="Searching traces" className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4">
        <SkeletonBar className="h-8 w-full" />
        <SkeletonBar className="h-8 w-4/5" />
        <SkeletonBar className="h-6 w-full" />
        <SkeletonBar className="h-6 w-full" />
        <SkeletonBar className="h-6 w-3/5" />
      </div>
    </>
  );
}
