// The order of the breakers board: what needs attention first, yet still grouped by service.
import type { BreakerStateName } from "@/lib/projections/breaker-events";

const STATE_RANK: Record<BreakerStateName, number> = { open: 0, half_open: 1, closed: 2 };
const rank = (state: BreakerStateName | null) => (state === null ? 3 : STATE_RANK[state]);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type Ordered = { service: string; name: string; state: BreakerStateName | null };

/** Services with a breaker open (then half-open) first, then by name; inside a service the same. */
export function sortBoard<T extends Ordered>(breakers: readonly T[]): T[] {
  const worst = new Map<string, number>();
  for (const b of breakers) worst.set(b.service, Math.min(worst.get(b.service) ?? 9, rank(b.state)));
  return [...breakers].sort((a, b) =>
    (worst.get(a.service) ?? 9) - (worst.get(b.service) ?? 9) || byText(a.service, b.service) || rank(a.state) - rank(b.state) || byText(a.name, b.name));
}

/** The breakers grouped by service, keeping the order given. */
export function groupByService<T extends { service: string }>(breakers: readonly T[]): { service: string; breakers: T[] }[] {
  const groups: { service: string; breakers: T[] }[] = [];
  for (const b of breakers) {
    const last = groups[groups.length - 1];
    if (last?.service === b.service) last.breakers.push(b);
    else groups.push({ service: b.service, breakers: [b] });
  }
  return groups;
}
