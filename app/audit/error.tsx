"use client";

import { ErrorPanel } from "@/components/ui/error-panel";
import { PageHeader } from "@/components/ui/page-header";

export default function AuditError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <>
      <PageHeader title="Audit" />
      <ErrorPanel title="The audit trail could not be read" error={error} retry={retry} />
    </>
  );
}
