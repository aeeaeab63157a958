import type { Metadata } from "next";
import { PlaceholderPage } from "@/components/ui/placeholder-page";

export const metadata: Metadata = { title: "DLQ" };

export default function DlqPage() {
  return <PlaceholderPage title="DLQ" willShow="the messages in each dead-letter topic, grouped by error, with redrive and discard one at a time or in bulk." />;
}
