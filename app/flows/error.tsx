"use client";

import { ErrorPanel } from "@/components/ui/error-panel";
import { PageHeader } from "@/components/ui/page-header";

export default function FlowsError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <>
      <PageHeader title="Flows" />
      <ErrorPanel title="The flow map could not be built" error={error} retry={retry} />
    </>
  );
}
