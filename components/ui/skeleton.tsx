/** A grey bar standing in for text that is still loading; hidden from screen readers. */
export function SkeletonBar({ className = "" }: { className?: string }) {
  return <span aria-hidden="true" className={`block h-3 animate-pulse rounded bg-border ${className}`} />;
}
