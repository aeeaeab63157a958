"use client";

import { ErrorPanel } from "@/components/ui/error-panel";
import { PageHeader } from "@/components/ui/page-header";

export default function SagaError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <>
      <PageHeader title="Saga" />
      <ErrorPanel title="The saga could not be read" error={error} retry={retry} />
    </>
  );
}
