import type { Metadata } from "next";
import { PlaceholderPage } from "@/components/ui/placeholder-page";

export const metadata: Metadata = { title: "Breakers" };

export default function BreakersPage() {
  return <PlaceholderPage title="Breakers" willShow="every circuit breaker's state (closed, half-open, open), its error rate and the history of its transitions." />;
}
