import { describe, expect, it } from "vitest";
import { MASK } from "./marker";
import { maskJsonText, selectPointers } from "./mask-json";
import type { JsonPathRule, RegexRule } from "./rules";
import { rules } from "./testing";

function mask(text: string, ...list: object[]): { text: string; hits: string[] } {
  const compiled = rules(...list);
  const paths = compiled.filter((r): r is JsonPathRule => r.kind === "jsonPath");
  const regexes = compiled.filter((r): r is RegexRule => r.kind === "regex");
  const hits = new Set<string>();
  const masked = maskJsonText(text, selectPointers(JSON.parse(text), paths), regexes, hits);
  JSON.parse(masked); // always still JSON
  return { text: masked, hits: [...hits] };
}

const M = JSON.stringify(MASK);

describe("maskJsonText", () => {
  it("replaces the value at a path, whatever its type, and keeps the rest verbatim", () => {
    const text = '{ "id": 9007199254740993, "card": {"number": "4111 1111 1111 1111", "exp": "12/30"}, "customer": {"email": "a@b.co"} }';
    expect(mask(text, { name: "card", topic: "*", jsonPath: "$.card.number" }, { name: "email", topic: "*", jsonPath: "$.customer.email" })).toEqual({
      text: `{ "id": 9007199254740993, "card": {"number": ${M}, "exp": "12/30"}, "customer": {"email": ${M}} }`,
      hits: ["card", "email"],
    });
    expect(mask('{"card": {"number": 4111111111111111, "cvc": null}}', { name: "card", topic: "*", jsonPath: "$.card" }).text).toBe(`{"card": ${M}}`);
  });

  it("masks every element of nested arrays, and .. finds a field at any depth", () => {
    const text = '{"items": [{"iban": "DE89 3704", "n": 1}, {"iban": "FR76 3000"}, {"other": [{"iban": "nested"}]}]}';
    expect(mask(text, { name: "iban", topic: "*", jsonPath: "$.items[*].iban" }).text)
      .toBe(`{"items": [{"iban": ${M}, "n": 1}, {"iban": ${M}}, {"other": [{"iban": "nested"}]}]}`);
    expect(mask(text, { name: "iban", topic: "*", jsonPath: "$..iban" }).text)
      .toBe(`{"items": [{"iban": ${M}, "n": 1}, {"iban": ${M}}, {"other": [{"iban": ${M}}]}]}`);
    expect(mask("[[1, 2], [3, [4, 5]]]", { name: "x", topic: "*", jsonPath: "$[1][1][0]" }).text).toBe(`[[1, 2], [3, [${M}, 5]]]`);
  });

  it("finds keys that need escaping in a pointer, and strings holding brackets and escapes", () => {
    const text = '{"a/b~c": {"x": "]}\\"[{"}, "y": "keep ] } \\\\"}';
    expect(mask(text, { name: "k", topic: "*", jsonPath: "$['a/b~c'].x" }).text).toBe(`{"a/b~c": {"x": ${M}}, "y": "keep ] } \\\\"}`);
  });

  it("runs regex rules over each string, key and number on its own, leaving valid JSON", () => {
    const text = '{"pan": 4111111111111111, "note": "card 5500000000000004 declined", "4111111111111111": true, "small": 42}';
    expect(mask(text, { name: "pan", topic: "*", regex: String.raw`\b\d{13,19}\b` })).toEqual({
      text: `{"pan": ${M}, "note": "card ${MASK} declined", ${M}: true, "small": 42}`,
      hits: ["pan"],
    });
  });

  it("masks the whole document for the root path, and leaves it alone when nothing matches", () => {
    expect(mask('{"a": 1}', { name: "all", topic: "*", jsonPath: "$" }).text).toBe(M);
    expect(mask('{"a": 1}', { name: "none", topic: "*", jsonPath: "$.b" })).toEqual({ text: '{"a": 1}', hits: [] });
  });
});
