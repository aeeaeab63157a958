import type { Metadata } from "next";
import { PlaceholderPage } from "@/components/ui/placeholder-page";

export const metadata: Metadata = { title: "Overview" };

export default function OverviewPage() {
  return <PlaceholderPage title="Overview" willShow="one screen per incident: clusters, failing sagas, open breakers and DLQ growth, worst first." />;
}
