// What the load generator orders: mostly orders that complete, with the share of declined cards,
// undeliverable addresses and a sold-out item that a real shop sees.
import { CATALOG } from "../catalog";
import type { NewOrder } from "./order-api";

const GOOD_CARD = "4242424242424242";
const DECLINED_CARD = "4000000000000002";

export function randomOrder(random: () => number = Math.random): NewOrder {
  const roll = random();
  const everyday = CATALOG.filter((item) => item.stock > 1_000);
  const sku = roll < 0.06 ? "limited-edition-press" : (everyday[Math.floor(random() * everyday.length)]?.sku ?? "mug");
  return {
    sku,
    quantity: 1 + Math.floor(random() * 3),
    card: roll >= 0.06 && roll < 0.12 ? DECLINED_CARD : GOOD_CARD,
    address: roll >= 0.12 && roll < 0.16 ? "Nowhere Lane 0, Undeliverable" : `${1 + Math.floor(random() * 200)} Harbour Street, Leith`,
  };
}
