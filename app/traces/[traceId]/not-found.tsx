import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";

export default function TraceNotFound() {
  return (
    <>
      <PageHeader title="Trace not found" />
      <div className="max-w-2xl rounded-lg border border-border bg-surface px-5 py-4 text-sm" data-testid="trace-not-found">
        <p>No span of this trace has been received, or its spans are older than the retention period and were dropped.</p>
        <p className="mt-2 text-muted">
          If the trace is still in flight, its spans may arrive within seconds: reload. Otherwise,{" "}
          <Link href="/traces" className="text-accent underline underline-offset-2">search traces</Link> by service, saga key or message id.
        </p>
      </div>
    </>
  );
}
