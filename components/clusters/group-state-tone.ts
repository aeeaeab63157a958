import type { Tone } from "@/components/ui/badge";

// Kafka's consumer group states: rebalancing is the amber middle between a stable and a dead group.
const tones: Record<string, Tone> = {
  Stable: "ok",
  PreparingRebalance: "warn",
  CompletingRebalance: "warn",
  Dead: "bad",
  Empty: "neutral",
};

export function groupStateTone(state: string): Tone {
  return tones[state] ?? "neutral";
}
