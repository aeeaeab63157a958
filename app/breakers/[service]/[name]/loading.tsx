import { SkeletonBar } from "@/components/ui/skeleton";

export default function BreakerLoading() {
  return (
    <div role="status" aria-label="Reading the breaker's history" className="flex flex-col gap-3">
      <SkeletonBar className="h-7 w-1/3" />
      <SkeletonBar className="h-44 w-full" />
      <SkeletonBar className="h-56 w-full" />
    </div>
  );
}
