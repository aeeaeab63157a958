import type { Metadata } from "next";
import { PlaceholderPage } from "@/components/ui/placeholder-page";

export const metadata: Metadata = { title: "Sagas" };

export default function SagasPage() {
  return <PlaceholderPage title="Sagas" willShow="saga instances by type and business key, with failed, compensating and stuck ones at the top." />;
}
