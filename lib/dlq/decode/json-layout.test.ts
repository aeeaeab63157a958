import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compactJson, indentJson } from "./json-layout";

describe("compactJson / indentJson", () => {
  it("lays out like JSON.stringify for any JSON document", () => {
    fc.assert(
      fc.property(fc.json(), fc.constantFrom(0, 1, 2, 4), (text, spaces) => {
        const loose = JSON.stringify(JSON.parse(text), null, spaces); // whitespace to be taken out again
        expect(compactJson(loose)).toBe(JSON.stringify(JSON.parse(text)));
        expect(indentJson(text, 2)).toBe(JSON.stringify(JSON.parse(text), null, 2));
      }),
    );
  });

  it("keeps numbers as written, where JSON.parse would round them", () => {
    const text = '{ "orderId": 9007199254740993, "amount": 1.50 }';
    expect(compactJson(text)).toBe('{"orderId":9007199254740993,"amount":1.50}');
    expect(indentJson(text)).toBe('{\n  "orderId": 9007199254740993,\n  "amount": 1.50\n}');
  });

  it("leaves whitespace, braces and escaped quotes inside strings alone", () => {
    const text = '{"note": "a, b: {c} [d] \\" e", "empty": { }, "list": [ ]}';
    expect(compactJson(text)).toBe('{"note":"a, b: {c} [d] \\" e","empty":{},"list":[]}');
    expect(indentJson(text)).toBe('{\n  "note": "a, b: {c} [d] \\" e",\n  "empty": {},\n  "list": []\n}');
  });
});
