import { describe, expect, it } from "vitest";
import { parseBreakerPath } from "./breaker-path";

describe("breaker page path", () => {
  it("decodes the segments", () => {
    expect(parseBreakerPath({ service: "payment-service", name: "payment%20gateway%2Fv2" })).toEqual({ service: "payment-service", name: "payment gateway/v2" });
  });

  it("refuses malformed escapes, empty, overlong and control-character names", () => {
    expect(parseBreakerPath({ service: "payment", name: "%E0%A4%A" })).toBeNull();
    expect(parseBreakerPath({ service: "", name: "x" })).toBeNull();
    expect(parseBreakerPath({ service: "a", name: "x".repeat(257) })).toBeNull();
    expect(parseBreakerPath({ service: "a", name: "x%00y" })).toBeNull();
  });
});
