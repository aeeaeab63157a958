// What the shop sells. One item has little stock, so some orders are rejected and their sagas fail early.
export type CatalogItem = { sku: string; priceCents: number; stock: number };

export const CATALOG: readonly CatalogItem[] = [
  { sku: "kettle", priceCents: 3_499, stock: 1_000_000 },
  { sku: "teapot", priceCents: 2_450, stock: 1_000_000 },
  { sku: "mug", priceCents: 899, stock: 1_000_000 },
  { sku: "grinder", priceCents: 12_900, stock: 1_000_000 },
  { sku: "limited-edition-press", priceCents: 19_900, stock: 25 },
];

export function priceOf(sku: string): number | undefined {
  return CATALOG.find((item) => item.sku === sku)?.priceCents;
}
