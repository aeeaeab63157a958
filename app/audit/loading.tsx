import { PageHeader } from "@/components/ui/page-header";
import { SkeletonBar } from "@/components/ui/skeleton";

export default function AuditLoading() {
  return (
    <>
      <PageHeader title="Audit" description="Who redrove, discarded or changed what, when, and how it turned out." />
      <div role="status" aria-label="Loading the audit trail" className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4">
        <SkeletonBar className="h-8 w-full" />
        <SkeletonBar className="h-6 w-full" />
        <SkeletonBar className="h-6 w-full" />
        <SkeletonBar className="h-6 w-3/5" />
      </div>
    </>
  );
}
