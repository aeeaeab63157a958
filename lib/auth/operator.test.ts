import { afterEach, describe, expect, it, vi } from "vitest";

// The seam reads the configured local operator; until sign-in exists that operator holds every role.
describe("getOperator and requireRole", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("returns the configured local operator with every role", async () => {
    vi.stubEnv("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/flowdeck");
    vi.stubEnv("FLOWDECK_OPERATOR_NAME", "ana");
    const { getOperator, requireRole } = await import("./operator");
    expect(await getOperator()).toEqual({ id: "local:ana", name: "ana", roles: ["viewer", "operator", "admin"] });
    await expect(requireRole("admin")).resolves.toMatchObject({ name: "ana" });
  });
});
