import { describe, expect, it } from "vitest";
import { hasRole } from "./roles";

describe("hasRole", () => {
  it("grants only the roles an operator holds", () => {
    const viewer = { id: "u1", name: "v", roles: ["viewer" as const] };
    expect(hasRole(viewer, "viewer")).toBe(true);
    expect(hasRole(viewer, "operator")).toBe(false);
  });
});
