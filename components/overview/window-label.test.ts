import { describe, expect, it } from "vitest";
import { windowLabel } from "./window-label";

describe("windowLabel", () => {
  it("names presets by their length and a custom window plainly", () => {
    const at = new Date();
    expect(windowLabel({ range: "1h", from: at, to: at })).toBe("last hour");
    expect(windowLabel({ range: "15m", from: at, to: at })).toBe("last 15 min");
    expect(windowLabel({ range: "custom", from: at, to: at })).toBe("chosen window");
  });
});
