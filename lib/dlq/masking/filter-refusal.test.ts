import { describe, expect, it } from "vitest";
import { maskingFor } from "@/lib/masking/decision";
import { rules } from "@/lib/masking/testing";
import { filterRefusal } from "./filter-refusal";
import { maskFields } from "./mask-fields";

const configured = rules(
  { name: "card", topic: "payments.*", jsonPath: "$.card.number", in: ["payload"] },
  { name: "pan", topic: "payments.*", regex: String.raw`\b\d{13,19}\b` },
  { name: "email-header", topic: "payments.*", header: "x-customer-email" },
  { name: "error-type", topic: "payments.*", header: "dlq.error.type" },
  { name: "pan-headers", topic: "orders.*", regex: String.raw`\b\d{13,19}\b`, in: ["headers"] },
);
const base = { cluster: "local", topic: "payments.DLQ", status: "pending" as const };
const viewer = (topic = base.topic) => maskingFor(["viewer"], topic, configured);

describe("filterRefusal", () => {
  it("refuses payload text search for viewers where a rule looks inside payloads, whatever the text", () => {
    expect(filterRefusal({ ...base, text: "4111" }, viewer())).toMatch(/^Payload text search is not available to viewers on payments\.DLQ: masking rules \("card", "pan"\)/);
    expect(filterRefusal({ ...base, text: "declined" }, viewer())).not.toBeNull();
    // Rules on headers only: the payload preview holds nothing they hide.
    expect(filterRefusal({ ...base, topic: "orders.DLQ", text: "4111" }, viewer("orders.DLQ"))).toBeNull();
  });

  it("refuses a header filter whose value a rule would hide, and allows one it would show in clear", () => {
    expect(filterRefusal({ ...base, header: { name: "X-Customer-Email", value: "ana@example.com" } }, viewer())).toMatch(/header X-Customer-Email .*"email-header"/);
    expect(filterRefusal({ ...base, header: { name: "ctx", value: "card 4111111111111111" } }, viewer())).toMatch(/"pan"/);
    expect(filterRefusal({ ...base, header: { name: "tenant", value: "acme" } }, viewer())).toBeNull();
  });

  it("refuses error type and original topic filters on values the rules hide", () => {
    expect(filterRefusal({ ...base, errorType: "CardDeclined" }, viewer())).toMatch(/error type .*"error-type"/);
    expect(filterRefusal({ ...base, topic: "orders.DLQ", originalTopic: "orders-4111111111111111" }, viewer("orders.DLQ"))).toMatch(/original topic .*"pan-headers"/);
    expect(filterRefusal({ ...base, topic: "orders.DLQ", originalTopic: "orders" }, viewer("orders.DLQ"))).toBeNull();
  });

  it("refuses nothing to operators, or on topics without rules", () => {
    expect(filterRefusal({ ...base, text: "4111", header: { name: "x-customer-email", value: "a" } }, maskingFor(["operator"], base.topic, configured))).toBeNull();
    expect(filterRefusal({ ...base, topic: "shipping.DLQ", text: "4111" }, viewer("shipping.DLQ"))).toBeNull();
  });
});

describe("maskFields", () => {
  it("masks fields read from a header a rule hides, and leaves empty and clean ones", () => {
    const row = { errorType: "CardDeclined", errorMessage: "card 4111111111111111 declined", originalTopic: "payments", eventId: null };
    expect(maskFields(row, ["errorType", "errorMessage", "originalTopic", "eventId"], viewer())).toEqual({
      row: { errorType: "••••", errorMessage: "card •••• declined", originalTopic: "payments", eventId: null },
      masked: { errorType: ["error-type"], errorMessage: ["pan"] },
    });
    expect(maskFields(row, ["errorType"], null)).toEqual({ row, masked: {} });
  });
});
