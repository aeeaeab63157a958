import { describe, expect, it } from "vitest";
import { MaskingRulesError, parseMaskingRules } from "./rules";
import { rules } from "./testing";
import { topicGlobToRegExp } from "./topic-glob";

function problem(text: string): string {
  try {
    parseMaskingRules(text);
  } catch (error) {
    if (error instanceof MaskingRulesError) return error.message;
    throw error;
  }
  throw new Error("expected a MaskingRulesError");
}

describe("topic globs", () => {
  it.each([
    ["payments.*", "payments.DLQ", true],
    ["payments.*", "payments.card.DLQ", true],
    ["payments.*", "paymentsXDLQ", false],
    ["payments.*", "orders.payments.DLQ", false],
    ["*.DLQ", "orders.payment.DLQ", true],
    ["orders-?.dlq", "orders-1.dlq", true],
    ["orders-?.dlq", "orders-12.dlq", false],
    ["*", "anything", true],
  ])("%s on %s is %s", (glob, topic, expected) => {
    expect(topicGlobToRegExp(glob).test(topic)).toBe(expected);
  });
});

describe("parseMaskingRules", () => {
  it("compiles the three kinds of rule, with payload and headers as the default scope", () => {
    const parsed = rules(
      { name: "card", topic: "payments.*", jsonPath: "$.card.number" },
      { name: "pan", topic: "*", regex: String.raw`\b\d{13,19}\b`, in: ["payload"] },
      { name: "email-header", topic: "orders.*", header: "X-Customer-Email" },
    );
    expect(parsed.map((r) => r.kind)).toEqual(["jsonPath", "regex", "header"]);
    expect(parsed[0]).toMatchObject({ payload: true, headers: true, path: "$.card.number" });
    expect(parsed[1]).toMatchObject({ payload: true, headers: false });
    expect(parsed[2]).toMatchObject({ header: "x-customer-email" });
    expect(parseMaskingRules('{"rules": []}')).toEqual([]);
  });

  it.each([
    ["{", /^is not JSON: /],
    ["[]", /^expected \{"rules": \[\.\.\.\]\}: /],
    ['{"rules": [], "marker": "x"}', /^expected \{"rules": \[\.\.\.\]\}: .*marker/],
    ['{"rules": [{"topic": "a", "regex": "x"}]}', /^rule 1: name: /],
    ['{"rules": [{"name": "a", "topic": "a", "regex": "x", "header": "h"}]}', /^rule 1 \("a"\): needs exactly one of jsonPath, regex or header$/],
    ['{"rules": [{"name": "a", "topic": "a"}]}', /^rule 1 \("a"\): needs exactly one of jsonPath, regex or header$/],
    ['{"rules": [{"name": "ok", "topic": "a", "regex": "x"}, {"name": "pan", "topic": "a", "regex": "("}]}', /^rule 2 \("pan"\): regex is not a valid regular expression \(.+\)$/],
    ['{"rules": [{"name": "any", "topic": "a", "regex": "\\\\d*"}]}', /^rule 1 \("any"\): regex matches the empty string/],
    ['{"rules": [{"name": "f", "topic": "a", "regex": "x", "flags": "g"}]}', /^rule 1 \("f"\): flags: flags are any of i, m, s and u$/],
    ['{"rules": [{"name": "f", "topic": "a", "jsonPath": "$.a", "flags": "i"}]}', /^rule 1 \("f"\): flags go with a regex$/],
    ['{"rules": [{"name": "p", "topic": "a", "jsonPath": "card.number"}]}', /^rule 1 \("p"\): jsonPath must start with \$/],
    ['{"rules": [{"name": "p", "topic": "a", "jsonPath": "$.items[*.iban"}]}', /^rule 1 \("p"\): jsonPath has unbalanced brackets/],
    ['{"rules": [{"name": "p", "topic": "a", "jsonPath": "$..[?(@.x)]"}]}', /^rule 1 \("p"\): jsonPath filter and script expressions/],
    ['{"rules": [{"name": "t", "topic": "payments\\\\..*", "regex": "x"}]}', /^rule 1 \("t"\): topic: topic is a glob/],
    ['{"rules": [{"name": "h", "topic": "a", "header": "x", "in": ["payload"]}]}', /^rule 1 \("h"\): "in" is for jsonPath and regex rules/],
    ['{"rules": [{"name": "s", "topic": "a", "regex": "x", "in": ["key"]}]}', /^rule 1 \("s"\): in\.0: /],
    ['{"rules": [{"name": "d", "topic": "a", "regex": "x"}, {"name": "d", "topic": "b", "regex": "y"}]}', /^rule 2 \("d"\): another rule has this name$/],
    ['{"rules": [{"name": "u", "topic": "a", "regex": "x", "typo": 1}]}', /^rule 1 \("u"\): Unrecognized key.*typo/],
  ])("refuses %s with one line naming the rule", (text, expected) => {
    const message = problem(text);
    expect(message).toMatch(expected);
    expect(message).not.toContain("\n");
  });
});
