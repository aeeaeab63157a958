import { describe, expect, it } from "vitest";
import { parseKnobArguments, validateKnobChanges } from "./knobs";

describe("knobs", () => {
  it("parses name=value pairs from the command line", () => {
    expect(parseKnobArguments(["payment.gatewayErrorRate=0.8", "load.ordersPerSecond=10"])).toEqual({ "payment.gatewayErrorRate": 0.8, "load.ordersPerSecond": 10 });
  });

  it.each([
    [["payment.gatewayErrorRate"], /expected name=number, got "payment.gatewayErrorRate"/],
    [["payment.gatewayErrorRate=lots"], /expected name=number/],
    [["payment.gatewayErrorRate=1.5"], /^payment.gatewayErrorRate: Too big/],
    [["payment.nonsense=1"], /unknown knob payment.nonsense \(known: load.ordersPerSecond, /],
    [["shipping.delayMs=2.5"], /^shipping.delayMs: Invalid input: expected int, received number$/],
  ])("rejects %j with one clear line", (args, message) => {
    expect(() => parseKnobArguments(args)).toThrow(message);
  });

  it("rejects a JSON body that is not an object of known knobs", () => {
    expect(() => validateKnobChanges({ "order.poisonRate": "0.1" })).toThrow(/order.poisonRate: .*number/);
    expect(() => validateKnobChanges([1])).toThrow(/expected object/);
  });
});
