"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel title="This page failed to load" error={error} retry={retry} />;
}
