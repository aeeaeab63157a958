import Link from "next/link";
import { PageHeader } from "./page-header";

/** An honest stand-in for a section that does not exist yet, so nobody mistakes it for "no data". */
export function PlaceholderPage({ title, willShow }: { title: string; willShow: string }) {
  return (
    <>
      <PageHeader title={title} />
      <div className="max-w-2xl rounded-lg border border-dashed border-border bg-surface px-5 py-4 text-sm">
        <p>
          <span className="font-medium">Not built yet:</span> {willShow}
        </p>
        <p className="mt-2 text-muted">
          For the brokers, topics and consumer groups of each cluster, see{" "}
          <Link href="/clusters" className="text-accent underline underline-offset-2">Clusters</Link>.
        </p>
      </div>
    </>
  );
}
