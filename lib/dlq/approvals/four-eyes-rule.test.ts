import { describe, expect, it } from "vitest";
import type { Operator } from "@/lib/auth/roles";
import { effectiveStatus, needsApproval, refuseDecision, type RequestState } from "./four-eyes-rule";

const ana: Operator = { id: "u-ana", name: "ana", displayName: "Ana", roles: ["viewer", "operator"] };
const ben: Operator = { id: "u-ben", name: "ben", displayName: "Ben", roles: ["viewer", "operator", "admin"] };
// Same name as ana, another person: names must not decide who may approve.
const otherAna: Operator = { id: "u-ana-2", name: "ana", displayName: "Ana", roles: ["operator"] };
const viewer: Operator = { id: "u-vic", name: "vic", displayName: "Vic", roles: ["viewer"] };
const now = new Date("2026-11-29T12:00:00Z");
const awaiting: RequestState = {
  status: "awaiting", requestedById: "u-ana", requestedBy: "ana", expiresAt: new Date("2026-11-30T12:00:00Z"), decidedBy: null, decidedAt: null,
};

describe("needsApproval", () => {
  it("holds only counts above the size, and nothing when the rule is off", () => {
    expect(needsApproval(101, 100)).toBe(true);
    expect(needsApproval(100, 100)).toBe(false);
    expect(needsApproval(1, 100)).toBe(false);
    expect(needsApproval(1_000_000, null)).toBe(false);
  });
});

describe("refuseDecision", () => {
  it("lets another operator approve or reject, and the requester withdraw", () => {
    expect(refuseDecision(awaiting, "approve", ben, now)).toBeNull();
    expect(refuseDecision(awaiting, "reject", ben, now)).toBeNull();
    expect(refuseDecision(awaiting, "approve", otherAna, now)).toBeNull();
    expect(refuseDecision(awaiting, "withdraw", ana, now)).toBeNull();
  });

  it("refuses the requester's own approval or rejection, by id", () => {
    expect(refuseDecision(awaiting, "approve", ana, now)).toMatchObject({ code: "FORBIDDEN" });
    expect(refuseDecision(awaiting, "approve", ana, now)?.message).toContain("a second operator must");
    expect(refuseDecision(awaiting, "reject", ana, now)).toMatchObject({ code: "FORBIDDEN" });
    expect(refuseDecision(awaiting, "reject", ana, now)?.message).toContain("withdraw it instead");
    // The same id under another name is still the requester.
    expect(refuseDecision(awaiting, "approve", { ...ana, name: "Ana B." }, now)).toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a withdrawal by anyone but the requester, and any decision without the operator role", () => {
    expect(refuseDecision(awaiting, "withdraw", ben, now)?.message).toBe("Only ana, who asked for it, can withdraw this request; reject it instead.");
    expect(refuseDecision(awaiting, "approve", viewer, now)).toMatchObject({ code: "FORBIDDEN", message: "This needs the operator role, which vic does not have." });
  });

  it("refuses a request already decided, naming who and when", () => {
    const approved: RequestState = { ...awaiting, status: "approved", decidedBy: "ben", decidedAt: new Date("2026-11-29T11:00:00Z") };
    expect(refuseDecision(approved, "approve", { ...ben, id: "u-cy", name: "cy" }, now)?.message)
      .toBe("This request was already approved by ben at 2026-11-29 11:00:00 UTC; nothing changed.");
    expect(refuseDecision({ ...approved, status: "expired", decidedBy: "flowdeck-worker" }, "withdraw", ana, now)?.message)
      .toBe("This request was already expired at 2026-11-29 11:00:00 UTC; nothing changed.");
  });

  it("refuses a request past its expiry even before the worker marked it", () => {
    const late = { ...awaiting, expiresAt: new Date("2026-11-29T12:00:00Z") };
    expect(effectiveStatus(late, now)).toBe("expired");
    expect(effectiveStatus(awaiting, now)).toBe("awaiting");
    expect(refuseDecision(late, "approve", ben, now)).toMatchObject({ code: "CONFLICT" });
    expect(refuseDecision(late, "approve", ben, now)?.message).toContain("expired at 2026-11-29 12:00:00 UTC");
    expect(refuseDecision(late, "withdraw", ana, now)).toMatchObject({ code: "CONFLICT" });
  });
});
