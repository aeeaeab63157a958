import { describe, expect, it } from "vitest";
import { maskingFor } from "./decision";
import { MASK } from "./marker";
import { maskHeaderValue, maskHeaders } from "./mask-header";
import { maskPayload } from "./mask-payload";
import { rules } from "./testing";

const viewer = (...list: object[]) => {
  const masking = maskingFor(["viewer"], "payments.DLQ", rules(...list));
  if (!masking) throw new Error("expected masking");
  return masking;
};
const card = { name: "card", topic: "payments.*", jsonPath: "$.card.number" };
const pan = { name: "pan", topic: "payments.*", regex: String.raw`\b\d{13,19}\b` };
const emailHeader = { name: "email-header", topic: "payments.*", header: "x-customer-email" };

describe("maskPayload", () => {
  it("masks JSON payloads by path and by regex, naming the rules that hid something", () => {
    const value = Buffer.from('{"card":{"number":"4111111111111111"},"ref":"order 5500000000000004"}');
    const masked = maskPayload(value, viewer(card, pan));
    expect(masked.value?.toString()).toBe(`{"card":{"number":"${MASK}"},"ref":"order ${MASK}"}`);
    expect(masked.maskedBy.sort()).toEqual(["card", "pan"]);
    expect(masked.hiddenWhole).toBeNull();
  });

  it("runs regex rules over plain text payloads", () => {
    const masked = maskPayload(Buffer.from("charge failed for 4111111111111111 at 12:00"), viewer(pan));
    expect(masked.value?.toString()).toBe(`charge failed for ${MASK} at 12:00`);
  });

  it("hides a payload whole where the rules cannot look: invalid JSON, text under a path rule, binary, Schema Registry", () => {
    for (const bytes of [
      Buffer.from('{"card":{"number":"4111111111111111"'), // cut: a typical poison message
      Buffer.from("card=4111111111111111"),
      Buffer.from([0xff, 0xfe, 0x34, 0x31, 0x31, 0x31]),
      Buffer.from([0, 0, 0, 0, 7, 0x34, 0x31]),
    ]) {
      const masked = maskPayload(bytes, viewer(card));
      expect(masked.value?.toString()).toBe(MASK);
      expect(masked.maskedBy).toEqual(["card"]);
      expect(masked.hiddenWhole).toMatch(/cannot/);
    }
    expect(maskPayload(Buffer.from([0xff, 0x00, 0x01]), viewer(pan)).value?.toString()).toBe(MASK);
  });

  it("hides the whole payload when a document is too deep to walk", () => {
    const deep = Buffer.from(`${"[".repeat(200_000)}${"]".repeat(200_000)}`);
    expect(maskPayload(deep, viewer(card)).value?.toString()).toBe(MASK);
  });

  it("leaves payloads alone where no payload rule applies: tombstones, empty values, header-only rules, no match", () => {
    expect(maskPayload(null, viewer(card)).value).toBeNull();
    expect(maskPayload(Buffer.alloc(0), viewer(card)).maskedBy).toEqual([]);
    const binary = Buffer.from([0xff, 0xfe]);
    expect(maskPayload(binary, viewer(emailHeader)).value).toBe(binary);
    const clean = Buffer.from('{"card":{"brand":"visa"}}');
    expect(maskPayload(clean, viewer(card, pan))).toEqual({ value: clean, maskedBy: [], hiddenWhole: null });
    expect(maskPayload(clean, viewer({ ...card, in: ["headers"] })).maskedBy).toEqual([]);
  });
});

describe("maskHeaderValue and maskHeaders", () => {
  it("hides a header named by a rule whole, in any case", () => {
    expect(maskHeaderValue(["X-Customer-Email"], "ana@example.com", false, viewer(emailHeader))).toEqual({ value: MASK, maskedBy: ["email-header"] });
  });

  it("applies JSON path rules to header values that are JSON documents and regex rules to any text", () => {
    expect(maskHeaderValue(["ctx"], '{"card":{"number":"4111111111111111"}}', false, viewer(card)).value).toBe(`{"card":{"number":"${MASK}"}}`);
    expect(maskHeaderValue(["ctx"], "plain text", false, viewer(card))).toEqual({ value: "plain text", maskedBy: [] });
    expect(maskHeaderValue(["dlq.error.message"], "Declined 4111111111111111", false, viewer(pan)).value).toBe(`Declined ${MASK}`);
  });

  it("hides a header whole when it looks like JSON but does not parse, or is binary, under content rules", () => {
    expect(maskHeaderValue(["ctx"], '{"card":{"number":"41111111…', false, viewer(card)).value).toBe(MASK);
    expect(maskHeaderValue(["ctx"], "34 31 31 31", true, viewer(pan)).value).toBe(MASK);
    expect(maskHeaderValue(["ctx"], "34 31 31 31", true, viewer(emailHeader)).value).toBe("34 31 31 31");
  });

  it("lists every header, marking the ones a rule touched", () => {
    const headers = [
      { name: "x-customer-email", value: "ana@example.com", binary: false },
      { name: "traceparent", value: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", binary: false },
    ];
    expect(maskHeaders(headers, viewer(emailHeader, pan))).toEqual([
      { name: "x-customer-email", value: MASK, binary: false, maskedBy: ["email-header"] },
      { ...headers[1], maskedBy: [] },
    ]);
  });
});
