import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";

export default function BreakerNotFound() {
  return (
    <>
      <PageHeader title="Breaker not found" />
      <div role="alert" data-testid="breaker-not-found" className="max-w-2xl rounded-lg border border-warn/40 bg-warn-soft px-5 py-4 text-sm">
        <p>
          Flowdeck has seen no circuit breaker by this name in this service: no state change and no guarded call. Names are
          case-sensitive; the service is the span&apos;s <code className="font-mono">service.name</code>.
        </p>
        <Link href="/breakers" className="mt-2 inline-block text-accent underline underline-offset-2">All breakers</Link>
      </div>
    </>
  );
}
