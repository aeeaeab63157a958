// Pure: no I/O.
// Masking a JSON document's text in place: values found by JSON path become the marker string, and regex rules
// run over each string, key and number on its own, so the result is still valid JSON. Everything else is
// copied verbatim (whitespace, key order, big integers that JSON.parse would round), which re-serialising a
// parsed document would not do.
import { JSONPath } from "jsonpath-plus";
import { MASK } from "./marker";
import { maskText } from "./mask-text";
import type { JsonPathRule, RegexRule } from "./rules";

const MASK_JSON = JSON.stringify(MASK);

/** JSON Pointer (RFC 6901) of each value the rules select, with the rules that select it. */
export function selectPointers(document: unknown, rules: readonly JsonPathRule[]): Map<string, string[]> {
  const pointers = new Map<string, string[]>();
  for (const rule of rules) {
    const found = JSONPath<string[]>({ path: rule.path, json: document as object, resultType: "pointer", eval: false, wrap: true });
    for (const pointer of found) pointers.set(pointer, [...(pointers.get(pointer) ?? []), rule.name]);
  }
  return pointers;
}

function pointerStep(key: string): string {
  return `/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;
}

/**
 * The JSON text (valid JSON: the caller has parsed it) with the selected values and the regex matches masked.
 * Rule names that hid something are added to `hits`.
 */
export function maskJsonText(text: string, pointers: ReadonlyMap<string, string[]>, regexes: readonly RegexRule[], hits: Set<string>): string {
  const out: string[] = [];
  let i = 0;
  const space = (): void => {
    const start = i;
    while (i < text.length && " \t\n\r".includes(text.charAt(i))) i++;
    if (i > start) out.push(text.slice(start, i));
  };
  const stringToken = (): string => {
    const start = i++;
    while (text.charAt(i) !== '"') i += text.charAt(i) === "\\" ? 2 : 1;
    i++;
    return text.slice(start, i);
  };
  const scalarToken = (): string => {
    const start = i;
    while (i < text.length && !",]} \t\n\r".includes(text.charAt(i))) i++;
    return text.slice(start, i);
  };
  const maskedString = (token: string): string => {
    if (regexes.length === 0) return token;
    const decoded = JSON.parse(token) as string;
    const masked = maskText(decoded, regexes, hits);
    return masked === decoded ? token : JSON.stringify(masked);
  };
  // Skips a whole value without writing it; strings are read as tokens so brackets inside them do not count.
  const skipValue = (): void => {
    const first = text.charAt(i);
    if (first === '"') return void stringToken();
    if (first !== "{" && first !== "[") return void scalarToken();
    let depth = 0;
    while (i < text.length) {
      const char = text.charAt(i);
      if (char === '"') {
        stringToken();
        continue;
      }
      i++;
      if (char === "{" || char === "[") depth++;
      else if ((char === "}" || char === "]") && --depth === 0) return;
    }
  };
  const value = (pointer: string): void => {
    space();
    const rules = pointers.get(pointer);
    if (rules) {
      skipValue();
      out.push(MASK_JSON);
      for (const name of rules) hits.add(name);
      space();
      return;
    }
    const char = text.charAt(i);
    if (char === "{" || char === "[") {
      const close = char === "{" ? "}" : "]";
      out.push(char);
      i++;
      space();
      let index = 0;
      while (text.charAt(i) !== close) {
        let step = pointerStep(String(index++));
        if (close === "}") {
          const key = stringToken();
          step = pointerStep(JSON.parse(key) as string);
          out.push(maskedString(key));
          space();
          out.push(":");
          i++;
        }
        value(pointer + step);
        if (text.charAt(i) === ",") {
          out.push(",");
          i++;
          space();
        }
      }
      out.push(close);
      i++;
    } else if (char === '"') {
      out.push(maskedString(stringToken()));
    } else {
      const token = scalarToken();
      // A number matched by a regex (a card number sent as a number) becomes a string holding the mask.
      const masked = regexes.length === 0 || !/^-?\d/.test(token) ? token : maskText(token, regexes, hits);
      out.push(masked === token ? token : JSON.stringify(masked));
    }
    space();
  };
  value("");
  return out.join("");
}
