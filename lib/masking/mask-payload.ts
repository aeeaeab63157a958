// Pure: no I/O.
// A message payload as a viewer may see it. Where the rules cannot look (bytes that are not text, text that
// is not JSON under a JSON path rule, a document the masker cannot read) the whole payload is hidden: a
// poison message is often exactly the malformed document that still holds the card number.
import { classifyPayload } from "@/lib/dlq/decode/classify-payload";
import { payloadRules, type TopicMasking } from "./decision";
import { MASK } from "./marker";
import { maskJsonText, selectPointers } from "./mask-json";
import { maskText } from "./mask-text";
import type { JsonPathRule, RegexRule } from "./rules";

export type MaskedPayload = {
  value: Buffer | null;
  /** Names of the rules that hid something. */
  maskedBy: string[];
  /** Why the whole payload is hidden, or null when only parts (or nothing) are. */
  hiddenWhole: string | null;
};

export function splitRules(rules: readonly (JsonPathRule | RegexRule)[]) {
  return {
    paths: rules.flatMap((r) => (r.kind === "jsonPath" ? [r] : [])),
    regexes: rules.flatMap((r) => (r.kind === "regex" ? [r] : [])),
  };
}

function whole(reason: string, rules: readonly { name: string }[]): MaskedPayload {
  return { value: Buffer.from(MASK), maskedBy: rules.map((r) => r.name), hiddenWhole: reason };
}

export function maskPayload(value: Buffer | null, masking: TopicMasking): MaskedPayload {
  const rules = payloadRules(masking);
  if (rules.length === 0 || value === null) return { value, maskedBy: [], hiddenWhole: null };
  const { paths, regexes } = splitRules(rules);
  const classified = classifyPayload(value);
  try {
    switch (classified.format) {
      case "empty":
        return { value, maskedBy: [], hiddenWhole: null };
      case "binary":
      case "schema-registry":
        return whole("its bytes are not text, so the masking rules cannot look inside", rules);
      case "text": {
        if (paths.length > 0) return whole("it is not a JSON document, so the JSON path rules cannot be applied", paths);
        const hits = new Set<string>();
        const text = maskText(classified.text, regexes, hits);
        return hits.size === 0 ? { value, maskedBy: [], hiddenWhole: null } : { value: Buffer.from(text), maskedBy: [...hits], hiddenWhole: null };
      }
      case "json": {
        const hits = new Set<string>();
        const text = maskJsonText(classified.text, selectPointers(JSON.parse(classified.text), paths), regexes, hits);
        return hits.size === 0 ? { value, maskedBy: [], hiddenWhole: null } : { value: Buffer.from(text), maskedBy: [...hits], hiddenWhole: null };
      }
    }
  } catch {
    // Nesting too deep to walk, or a path that fails on this document: hide it rather than guess.
    return whole("the masking rules could not be applied to it", rules);
  }
}
