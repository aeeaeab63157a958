// Pure: no I/O.
// Header values, and the DLQ fields read from headers, as a viewer may see them.
import { headerContentRules, type TopicMasking } from "./decision";
import { MASK } from "./marker";
import { maskJsonText, selectPointers } from "./mask-json";
import { splitRules } from "./mask-payload";
import { maskText } from "./mask-text";

export type MaskedValue = { value: string; maskedBy: string[] };

/**
 * A header value (or a field read from one of `sources`, the headers it may come from) as a viewer sees it.
 * A header-name rule hides the whole value; JSON path rules apply to values that are JSON documents, and a
 * value that looks like one but does not parse (a cut or broken document) is hidden whole under them;
 * regex rules apply to any text. Binary values are hidden whole where any content rule applies.
 */
export function maskHeaderValue(sources: readonly string[], value: string, binary: boolean, masking: TopicMasking): MaskedValue {
  const byName = masking.rules.filter((r) => r.kind === "header" && sources.some((s) => s.toLowerCase() === r.header));
  if (byName.length > 0) return { value: MASK, maskedBy: byName.map((r) => r.name) };
  const rules = headerContentRules(masking);
  if (rules.length === 0) return { value, maskedBy: [] };
  if (binary) return { value: MASK, maskedBy: rules.map((r) => r.name) };
  const { paths, regexes } = splitRules(rules);
  const hits = new Set<string>();
  try {
    const first = value.trimStart()[0];
    if (paths.length > 0 && (first === "{" || first === "[")) {
      let document: unknown;
      try {
        document = JSON.parse(value);
      } catch {
        return { value: MASK, maskedBy: paths.map((r) => r.name) };
      }
      const masked = maskJsonText(value, selectPointers(document, paths), regexes, hits);
      return { value: masked, maskedBy: [...hits] };
    }
    return { value: maskText(value, regexes, hits), maskedBy: [...hits] };
  } catch {
    return { value: MASK, maskedBy: rules.map((r) => r.name) };
  }
}

/** Every header as a viewer sees it; each keeps the names of the rules that hid (part of) its value. */
export function maskHeaders<H extends { name: string; value: string; binary: boolean }>(headers: readonly H[], masking: TopicMasking): (H & { maskedBy: string[] })[] {
  return headers.map((h) => {
    const masked = maskHeaderValue([h.name], h.value, h.binary, masking);
    return masked.maskedBy.length === 0 ? { ...h, maskedBy: [] } : { ...h, value: masked.value, binary: false, maskedBy: masked.maskedBy };
  });
}
