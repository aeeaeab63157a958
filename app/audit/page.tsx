import type { Metadata } from "next";
import { PlaceholderPage } from "@/components/ui/placeholder-page";

export const metadata: Metadata = { title: "Audit" };

export default function AuditPage() {
  return <PlaceholderPage title="Audit" willShow="who redrove, discarded or changed what, and when." />;
}
