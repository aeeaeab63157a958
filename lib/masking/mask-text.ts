// Pure: no I/O.
import { MASK } from "./marker";
import type { RegexRule } from "./rules";

/** The text with every match of every rule replaced by the marker; the names of the rules that matched go to `hits`. */
export function maskText(text: string, rules: readonly RegexRule[], hits: Set<string>): string {
  let out = text;
  for (const rule of rules) {
    rule.pattern.lastIndex = 0;
    const next = out.replace(rule.pattern, MASK);
    if (next !== out) hits.add(rule.name);
    out = next;
  }
  return out;
}
