// Pure: no I/O.
// What a viewer may filter by on a topic with masking rules. Masking only the results is not enough: a
// search that matches a hidden value still says "this message holds it", so one probe after another would
// reveal it. So a filter is refused when it could match on a hidden value:
// - payload text search, whenever a rule looks inside this topic's payloads (the search reads the
//   unmasked payload preview, and which parts of it are hidden is known only per message);
// - a header, error type or original topic filter whose value the rules would mask. These filters match
//   equal values only, and masking is a function of the value, so a value the rules leave alone is one
//   the viewer would see in clear on every message it finds; a masked one could only confirm a guess.
//   (Binary header values, hidden whole, are never matched for viewers: see browse-filter.ts.)
import { maskHeaderValue, payloadRules, type TopicMasking } from "@/lib/masking/index-pure";
import type { DlqBrowseInput } from "../queries/browse-filter";
import { maskField } from "./mask-fields";

function list(names: readonly string[]): string {
  return [...new Set(names)].map((n) => `"${n}"`).join(", ");
}

/** Why this viewer may not filter this way, or null when the filter finds nothing by a hidden value. */
export function filterRefusal(input: DlqBrowseInput, masking: TopicMasking | null): string | null {
  if (masking === null) return null;
  const forViewers = `is not available to viewers on ${input.topic}`;
  const inPayloads = payloadRules(masking).map((r) => r.name);
  if (input.text !== undefined && inPayloads.length > 0) {
    return `Payload text search ${forViewers}: masking rules (${list(inPayloads)}) hide parts of its payloads, and a search could find messages by the hidden values. Ask an operator, or filter by other fields.`;
  }
  if (input.header) {
    const { maskedBy } = maskHeaderValue([input.header.name], input.header.value, false, masking);
    if (maskedBy.length > 0) return `Filtering by header ${input.header.name} with that value ${forViewers}: masking rules (${list(maskedBy)}) hide it.`;
  }
  for (const [field, label] of [["errorType", "error type"], ["originalTopic", "original topic"]] as const) {
    const value = input[field];
    if (value === undefined) continue;
    const { maskedBy } = maskField(field, value, masking);
    if (maskedBy.length > 0) return `Filtering by that ${label} ${forViewers}: masking rules (${list(maskedBy)}) hide it.`;
  }
  return null;
}
