import { describe, expect, it } from "vitest";
import { readFlag, readInt64, readInteger, readOneOf, readText } from "./attributes";

const attributes = {
  text: "a", empty: "", int: 3, intText: " 7 ", float: 1.5, huge: "99999999999999999999", big: "9223372036854775807",
  yes: true, yesText: "TRUE", list: ["a"], nothing: null,
};

describe("attribute readers", () => {
  it("read text, integers and flags leniently and treat malformed values as missing", () => {
    expect([readText(attributes, "text"), readText(attributes, "empty"), readText(attributes, "int"), readText(attributes, "list")]).toEqual(["a", null, "3", null]);
    expect([readInteger(attributes, "int"), readInteger(attributes, "intText"), readInteger(attributes, "float"), readInteger(attributes, "huge")]).toEqual([3, 7, null, null]);
    expect([readInt64(attributes, "big"), readInt64(attributes, "huge"), readInt64(attributes, "float"), readInt64(attributes, "missing")]).toEqual([2n ** 63n - 1n, null, null, null]);
    expect([readFlag(attributes, "yes"), readFlag(attributes, "yesText"), readFlag(attributes, "text"), readFlag(attributes, "nothing")]).toEqual([true, true, false, false]);
    expect([readOneOf(attributes, "text", ["a", "b"]), readOneOf(attributes, "text", ["b"])]).toEqual(["a", null]);
  });
});
