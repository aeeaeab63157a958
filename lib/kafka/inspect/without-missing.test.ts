import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { withoutMissing } from "./without-missing";

describe("withoutMissing", () => {
  it("gives null for a topic the broker no longer has, and rethrows anything else", async () => {
    await expect(withoutMissing(Promise.resolve([1]))).resolves.toEqual([1]);
    await expect(withoutMissing(Promise.reject(new AppError("NOT_FOUND", "gone")))).resolves.toBeNull();
    await expect(withoutMissing(Promise.reject(new AppError("UNAVAILABLE", "down")))).rejects.toMatchObject({ code: "UNAVAILABLE" });
  });
});
