import "server-only";
import type { Operator } from "@/lib/auth";
import { getConfig } from "@/lib/config";
import { maskingFor, type TopicMasking } from "./decision";

export * from "./index-pure";

/** The configured rules that hide this topic's values from this operator, or null when they see it in clear. */
export function topicMasking(operator: Operator, topic: string): TopicMasking | null {
  return maskingFor(operator.roles, topic, getConfig().maskingRules);
}
