import { describe, expect, it } from "vitest";
import { parseTraceparent } from "./trace-context";

const valid = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

describe("parseTraceparent", () => {
  it("splits a version-00 traceparent into trace id, parent span id and flags", () => {
    expect(parseTraceparent(valid)).toEqual({ traceId: "4bf92f3577b34da6a3ce929d0e0e4736", parentSpanId: "00f067aa0ba902b7", flags: "01" });
    expect(parseTraceparent(` ${valid} `)?.traceId).toBe("4bf92f3577b34da6a3ce929d0e0e4736");
  });

  it("rejects all-zero ids", () => {
    expect(parseTraceparent("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).toBeNull();
    expect(parseTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).toBeNull();
  });

  it("rejects malformed values: short ids, uppercase, bad version, extra fields on version 00", () => {
    expect(parseTraceparent("00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01")).toBeNull();
    expect(parseTraceparent(valid.toUpperCase())).toBeNull();
    expect(parseTraceparent(valid.replace(/^00/, "ff"))).toBeNull();
    expect(parseTraceparent(`${valid}-extra`)).toBeNull();
    expect(parseTraceparent(`${valid}x`)).toBeNull();
    expect(parseTraceparent("")).toBeNull();
    expect(parseTraceparent(null)).toBeNull();
  });

  it("reads the first four fields of a later version, as the spec asks", () => {
    expect(parseTraceparent(`01${valid.slice(2)}-future`)?.parentSpanId).toBe("00f067aa0ba902b7");
  });
});
