import { SkeletonBar } from "@/components/ui/skeleton";
import { ClusterCard } from "./cluster-card";
import { ClusterHeader } from "./cluster-header";

/** Stands in for a cluster that has not answered yet, at roughly the size the real card will take. */
export function ClusterSkeleton({ name }: { name: string }) {
  return (
    <ClusterCard name={name}>
      <ClusterHeader name={name} up={null} facts={[{ label: "Status", value: <span className="text-muted">checking…</span> }]} />
      <div role="status" aria-label={`Loading cluster ${name}`} className="grid gap-5 p-4 xl:grid-cols-2">
        <div className="flex flex-col gap-2.5">
          <SkeletonBar className="w-24" />
          <SkeletonBar className="h-8 w-full" />
          <SkeletonBar className="h-6 w-full" />
          <SkeletonBar className="h-6 w-full" />
          <SkeletonBar className="h-6 w-5/6" />
        </div>
        <div className="flex flex-col gap-2.5">
          <SkeletonBar className="w-20" />
          <SkeletonBar className="h-8 w-full" />
          <SkeletonBar className="h-6 w-2/3" />
        </div>
      </div>
    </ClusterCard>
  );
}
