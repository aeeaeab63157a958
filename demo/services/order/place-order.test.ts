import { describe, expect, it } from "vitest";
import { OrderRequest } from "./place-order";

describe("OrderRequest", () => {
  const good = { sku: "mug", quantity: 2, card: "4242424242424242", address: "1 Harbour Street" };

  it("accepts an order for a known item", () => {
    expect(OrderRequest.parse(good)).toEqual(good);
  });

  it.each([
    [{ ...good, sku: "piano" }, "sku", /unknown sku; one of kettle, teapot, mug/],
    [{ ...good, quantity: 0 }, "quantity", /Too small/],
    [{ ...good, quantity: 1.5 }, "quantity", /expected int/],
    [{ ...good, card: "4242-4242" }, "card", /a card number of 12 to 19 digits/],
    [{ ...good, address: "" }, "address", /Too small/],
  ])("rejects %j naming the field", (input, field, message) => {
    const result = OrderRequest.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
    expect(result.error?.issues[0]?.message).toMatch(message);
  });
});
