// Pure: no I/O.
// Who sees masked values where: a pure function of the operator's roles, the topic and the rules.
import type { Role } from "@/lib/auth/roles";
import type { MaskingRule } from "./rules";

/** The rules that hide values of one topic from the operator in hand. */
export type TopicMasking = { topic: string; rules: readonly MaskingRule[] };

// Operators and admins redrive messages, so they read them whole; anyone else (viewers, and an operator
// record with no role at all) gets the masked view.
const SEES_CLEAR: readonly Role[] = ["operator", "admin"];

/** The masking that applies, or null when the operator sees the topic's messages in clear. */
export function maskingFor(roles: readonly Role[], topic: string, rules: readonly MaskingRule[]): TopicMasking | null {
  if (roles.some((role) => SEES_CLEAR.includes(role))) return null;
  const applying = rules.filter((rule) => rule.topicPattern.test(topic));
  return applying.length === 0 ? null : { topic, rules: applying };
}

/** Rules that look inside payloads. */
export function payloadRules(masking: TopicMasking) {
  return masking.rules.flatMap((r) => (r.kind !== "header" && r.payload ? [r] : []));
}

/** Rules that look inside header values (header-name rules are handled by name). */
export function headerContentRules(masking: TopicMasking) {
  return masking.rules.flatMap((r) => (r.kind !== "header" && r.headers ? [r] : []));
}

export function headerNameRules(masking: TopicMasking) {
  return masking.rules.flatMap((r) => (r.kind === "header" ? [r] : []));
}
