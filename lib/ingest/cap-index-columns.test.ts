import { describe, expect, it } from "vitest";
import { MAX_INDEXED_LENGTH, capIndexed } from "./cap-index-columns";

describe("capIndexed", () => {
  it("leaves short values alone and cuts long ones without splitting a surrogate pair", () => {
    expect(capIndexed("order-42")).toBe("order-42");
    expect(capIndexed(null)).toBeNull();
    const cut = capIndexed(`a${"😀".repeat(1000)}`);
    expect(cut.length).toBe(MAX_INDEXED_LENGTH);
    expect(cut.isWellFormed()).toBe(true);
  });
});
