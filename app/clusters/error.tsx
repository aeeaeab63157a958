"use client";

import { ErrorPanel } from "@/components/ui/error-panel";
import { PageHeader } from "@/components/ui/page-header";

export default function ClustersError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <>
      <PageHeader title="Clusters" />
      <ErrorPanel title="The clusters could not be listed" error={error} retry={retry} />
    </>
  );
}
