import { describe, expect, it } from "vitest";
import { nextOffset } from "./index-partition";

describe("nextOffset", () => {
  it("continues after the last message read", () => {
    expect(nextOffset(10n, 100, 0n, 500n, 109n)).toBe(110n);
  });
  it("skips a range that held only gaps (transaction markers, compaction)", () => {
    expect(nextOffset(10n, 100, 0n, 500n, undefined)).toBe(110n);
    expect(nextOffset(490n, 100, 0n, 500n, undefined)).toBe(500n);
  });
  it("jumps to the log start when retention deleted what was not read yet", () => {
    expect(nextOffset(5n, 100, 300n, 500n, 399n)).toBe(400n);
    expect(nextOffset(5n, 100, 300n, 350n, undefined)).toBe(350n);
  });
  it("stays at the end when caught up", () => {
    expect(nextOffset(500n, 100, 0n, 500n, undefined)).toBe(500n);
  });
  it("starts again from the log start when the topic was recreated (position past the end)", () => {
    expect(nextOffset(900n, 100, 0n, 20n, undefined)).toBe(0n);
  });
});
