import { describe, expect, it } from "vitest";
import { maskingFor } from "./decision";
import { rules } from "./testing";

const configured = rules(
  { name: "card", topic: "payments.*", jsonPath: "$.card.number" },
  { name: "email", topic: "orders.*", header: "x-customer-email" },
);

describe("maskingFor", () => {
  it("masks for viewers only, and only on topics a rule names", () => {
    expect(maskingFor(["viewer"], "payments.DLQ", configured)?.rules.map((r) => r.name)).toEqual(["card"]);
    expect(maskingFor(["viewer"], "orders.payment.DLQ", configured)?.rules.map((r) => r.name)).toEqual(["email"]);
    expect(maskingFor(["viewer"], "shipping.DLQ", configured)).toBeNull();
    expect(maskingFor([], "payments.DLQ", configured)).not.toBeNull();
  });

  it("shows operators and admins the payload in clear: they redrive it", () => {
    expect(maskingFor(["viewer", "operator"], "payments.DLQ", configured)).toBeNull();
    expect(maskingFor(["admin"], "payments.DLQ", configured)).toBeNull();
  });

  it("masks nothing when no rules are configured", () => {
    expect(maskingFor(["viewer"], "payments.DLQ", [])).toBeNull();
  });
});
