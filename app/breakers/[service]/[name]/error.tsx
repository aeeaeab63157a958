"use client";

import { ErrorPanel } from "@/components/ui/error-panel";
import { PageHeader } from "@/components/ui/page-header";

export default function BreakerError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <>
      <PageHeader title="Breaker" />
      <ErrorPanel title="This breaker's history could not be read" error={error} retry={retry} />
    </>
  );
}
