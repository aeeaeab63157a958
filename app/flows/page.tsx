import type { Metadata } from "next";
import { PlaceholderPage } from "@/components/ui/placeholder-page";

export const metadata: Metadata = { title: "Flows" };

export default function FlowsPage() {
  return <PlaceholderPage title="Flows" willShow="a live map of which services produce to and consume from which Kafka topics, built from traces." />;
}
