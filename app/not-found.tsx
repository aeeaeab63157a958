import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";

export default function NotFound() {
  return (
    <>
      <PageHeader title="Nothing here" />
      <p className="text-sm">
        Flowdeck has no page at this address. Pick a section on the left, or go to{" "}
        <Link href="/clusters" className="text-accent underline underline-offset-2">Clusters</Link>.
      </p>
    </>
  );
}
