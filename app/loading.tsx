import { SkeletonBar } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div role="status" aria-label="Loading" className="flex max-w-3xl flex-col gap-3">
      <SkeletonBar className="h-6 w-48" />
      <SkeletonBar className="w-96" />
      <SkeletonBar className="mt-4 h-40 w-full" />
    </div>
  );
}
