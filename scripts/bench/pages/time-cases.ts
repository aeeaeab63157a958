import { percentile } from "../percentile";

export type QueryCase = { label: string; run: (round: number) => Promise<unknown> };
export type Timed = { label: string; p50: number; p95: number };

/** Each case warmed 5 times, then the cases take turns, so a slow moment of the machine hits them all alike. */
export async function timeCases(cases: QueryCase[], rounds: number): Promise<Timed[]> {
  for (const c of cases) for (let i = 0; i < 5; i++) await c.run(i);
  const times = cases.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    for (const [i, c] of cases.entries()) {
      const started = performance.now();
      await c.run(round);
      times[i]?.push(performance.now() - started);
    }
  }
  return cases.map((c, i) => {
    const sorted = [...(times[i] ?? [])].sort((a, b) => a - b);
    return { label: c.label, p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
  });
}
