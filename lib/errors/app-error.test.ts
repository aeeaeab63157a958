import { describe, expect, it } from "vitest";
import { AppError, toActionError } from "./app-error";

describe("toActionError", () => {
  it.each([
    ["NOT_FOUND", 404],
    ["UNAUTHENTICATED", 401],
    ["FORBIDDEN", 403],
    ["CONFLICT", 409],
    ["VALIDATION", 400],
    ["UNAVAILABLE", 503],
  ] as const)("maps %s to HTTP %i and keeps its message", (code, status) => {
    expect(toActionError(new AppError(code, "why"))).toEqual({ status, error: { code, message: "why" } });
  });

  it("hides the text of unexpected errors from the client", () => {
    const result = toActionError(new Error("password=hunter2 in connection string"));
    expect(result.status).toBe(500);
    expect(result.error.code).toBe("INTERNAL");
    expect(result.error.message).not.toContain("hunter2");
  });
});
