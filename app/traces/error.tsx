"use client";

import { ErrorPanel } from "@/components/ui/error-panel";
import { PageHeader } from "@/components/ui/page-header";

export default function TracesError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <>
      <PageHeader title="Traces" />
      <ErrorPanel title="The trace search failed" error={error} retry={retry} />
    </>
  );
}
