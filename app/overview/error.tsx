"use client";

import { ErrorPanel } from "@/components/ui/error-panel";
import { PageHeader } from "@/components/ui/page-header";

export default function OverviewError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <>
      <PageHeader title="Overview" />
      <ErrorPanel title="The overview could not be read" error={error} retry={retry} />
    </>
  );
}
