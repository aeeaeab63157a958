import { describe, expect, it } from "vitest";
import { describeVersionMismatch, PINNED_VERSIONS, readInstalledVersion } from "./pinned-versions.mjs";

describe("describeVersionMismatch", () => {
  const pinned = { prisma: "7.10.1", "@prisma/adapter-pg": "7.10.1" };

  it("accepts exactly the pinned versions", () => {
    expect(describeVersionMismatch((name) => pinned[name as keyof typeof pinned], pinned)).toBeNull();
  });

  it("names the package that differs, with both versions, in one line", () => {
    const installed: Record<string, string> = { prisma: "7.10.1", "@prisma/adapter-pg": "7.11.0" };
    const line = describeVersionMismatch((name) => installed[name], pinned);
    expect(line).toMatch(/@prisma\/adapter-pg is 7\.11\.0 but .* was written for 7\.10\.1/);
    expect(line).not.toContain("\n");
  });

  it("treats a range-compatible version as a mismatch (the pin is exact)", () => {
    expect(describeVersionMismatch((name) => (name === "prisma" ? "7.10.2" : pinned[name as keyof typeof pinned]), pinned)).toMatch(/prisma is 7\.10\.2/);
  });

  it("reports a package that is not installed", () => {
    expect(describeVersionMismatch(() => undefined, pinned)).toMatch(/prisma is not installed/);
  });

  it("passes for this checkout's node_modules", () => {
    expect(describeVersionMismatch()).toBeNull();
    expect(readInstalledVersion("@prisma/schema-engine-wasm")).toBe(PINNED_VERSIONS["@prisma/schema-engine-wasm"]);
  });
});
