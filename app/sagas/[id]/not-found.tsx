import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";

export default function SagaNotFound() {
  return (
    <>
      <PageHeader title="Saga not found" />
      <div role="alert" data-testid="saga-not-found" className="max-w-2xl rounded-lg border border-warn/40 bg-warn-soft px-5 py-4 text-sm">
        <p>Flowdeck knows no saga with this id.</p>
        <p className="mt-1">
          Its spans may not have arrived or been projected yet, the id may be mistyped (ids match exactly), or the saga
          may be older than the span retention.
        </p>
        <p className="mt-2">
          <Link href="/sagas" className="text-accent underline underline-offset-2">Search the sagas</Link> by key or id.
        </p>
      </div>
    </>
  );
}
