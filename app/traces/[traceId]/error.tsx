"use client";

import { ErrorPanel } from "@/components/ui/error-panel";
import { PageHeader } from "@/components/ui/page-header";

export default function TraceError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <>
      <PageHeader title="Trace" />
      <ErrorPanel title="The trace could not be loaded" error={error} retry={retry} />
    </>
  );
}
