import { describe, expect, it } from "vitest";
import { serviceColor, serviceHue } from "./service-color";

describe("serviceColor", () => {
  it("gives a service the same colour every time", () => {
    expect(serviceColor("payment")).toBe(serviceColor("payment"));
  });

  it("never picks a red hue", () => {
    for (const name of ["orders", "payment", "inventory", "shipping", "gateway", "notifications", "ledger", "fraud"]) {
      const hue = serviceHue(name);
      expect(hue < 10 || hue > 45).toBe(true);
    }
  });

  it("spreads a handful of services over several hues", () => {
    const hues = new Set(["orders", "payment", "inventory", "shipping", "gateway", "notifications"].map(serviceHue));
    expect(hues.size).toBeGreaterThanOrEqual(4);
  });
});
