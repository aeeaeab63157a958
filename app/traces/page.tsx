import type { Metadata } from "next";
import { PlaceholderPage } from "@/components/ui/placeholder-page";

export const metadata: Metadata = { title: "Traces" };

export default function TracesPage() {
  return <PlaceholderPage title="Traces" willShow="traces by id, service or saga, with Kafka topics and offsets shown on the messaging spans." />;
}
