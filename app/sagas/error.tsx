"use client";

import { ErrorPanel } from "@/components/ui/error-panel";
import { PageHeader } from "@/components/ui/page-header";

export default function SagasError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <>
      <PageHeader title="Sagas" />
      <ErrorPanel title="The sagas could not be read" error={error} retry={retry} />
    </>
  );
}
