"use client";

import { ErrorPanel } from "@/components/ui/error-panel";
import { PageHeader } from "@/components/ui/page-header";

export default function BreakersError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <>
      <PageHeader title="Breakers" />
      <ErrorPanel title="The breakers could not be read" error={error} retry={retry} />
    </>
  );
}
