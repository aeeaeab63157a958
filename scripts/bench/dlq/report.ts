// The figures, each against the target, from results measured in this run.
import { ms, n, ratio, verdict } from "./format";
import { listCase } from "./queries";
import type { RedriveResult } from "./redrive-run";
import type { SizeResult } from "./size-run";

const INDEX_TARGET = 0.7;
const REDRIVE_TARGET = 0.7;
const P95_TARGET_MS = 100;
const GROWTH_TARGET = 1.5;
const NOISE_FLOOR_MS = 5;
const VELOCITY_TOLERANCE = 0.1;

export function indexLines(results: SizeResult[]): string[] {
  return results.map(({ plan, flowdeckSeconds, rawSeconds }) => {
    const flowdeck = plan.count / flowdeckSeconds;
    const raw = plan.count / rawSeconds;
    return `index ${n(plan.count)}: Flowdeck ${n(flowdeck)} msg/s (${flowdeckSeconds.toFixed(1)} s); raw kafkajs consumer + COPY ${n(raw)} msg/s `
      + `(${rawSeconds.toFixed(1)} s); ratio ${ratio(flowdeck / raw)} (target >= ${INDEX_TARGET}: ${verdict(flowdeck / raw >= INDEX_TARGET)})`;
  });
}

/** Under the p95 target at every size, and grown by at most the ratio (or by less than the noise floor). */
function queryMet(results: SizeResult[], label: string): boolean {
  const small = results[0]?.queries.get(label)?.p95 ?? Number.NaN;
  const large = results.at(-1)?.queries.get(label)?.p95 ?? Number.NaN;
  const fast = results.every((r) => (r.queries.get(label)?.p95 ?? Infinity) < P95_TARGET_MS);
  return fast && (results.length < 2 || large / small <= GROWTH_TARGET || large - small < NOISE_FLOOR_MS);
}

export function queryLines(results: SizeResult[], rounds: number): string[] {
  const first = results[0];
  const last = results.at(-1);
  if (!first || !last) return [];
  // The cases the issue names first (the DLQ list last of them), each group in the order timed.
  const rank = (label: string, asked: boolean) => (!asked ? 2 : label === listCase.label ? 1 : 0);
  const labels = [...first.queries].sort(([a, x], [b, y]) => rank(a, x.asked) - rank(b, y.asked)).map(([label]) => label);
  const width = Math.max(...labels.map((l) => l.length));
  const sizes = results.map((r) => `${n(r.plan.count)} p50/p95`.padStart(22)).join("");
  const lines = [
    `queries: server-side ms, ${rounds} runs after 5 warm-up; all sizes' cases take turns in the same rounds once all are indexed (the DLQ list is`,
    `  timed as each size joins). Targets: p95 < ${P95_TARGET_MS} ms and p95 ${n(last.plan.count)} / ${n(first.plan.count)} <= ${GROWTH_TARGET}`,
    `  (a p95 that grew by less than ${NOISE_FLOOR_MS} ms counts as flat: on this shared 2-core machine a few-ms p95 moves that much from run to run).`,
    "  \"page:\" is everything the DLQ message page waits for (topic, page or groups, count of pending matching); indented rows are its parts and extras.",
    `${"".padEnd(width)}${sizes}   p95 ratio  verdict`,
  ];
  for (const label of labels) {
    const cells = results.map((r) => {
      const t = r.queries.get(label);
      return (t ? `${ms(t.p50)} / ${ms(t.p95)}` : "-").padStart(22);
    }).join("");
    const growth = (last.queries.get(label)?.p95 ?? Number.NaN) / (first.queries.get(label)?.p95 ?? Number.NaN);
    lines.push(`${label.padEnd(width)}${cells}   ${results.length < 2 ? "-".padStart(9) : ratio(growth).padStart(9)}  ${verdict(queryMet(results, label))}`);
  }
  return lines;
}

export function redriveLines(result: RedriveResult, velocity: number): string[] {
  const { bulk, limited } = result;
  const flowdeck = bulk.sent / bulk.runSeconds;
  const raw = result.rawLanded / result.rawSeconds;
  const rate = limited.sent / limited.runSeconds;
  const within = Math.abs(rate - velocity) <= velocity * VELOCITY_TOLERANCE;
  return [
    `redrive ${n(bulk.total)}, no velocity limit: Flowdeck ${n(flowdeck)} msg/s (${bulk.runSeconds.toFixed(1)} s; job created in ${bulk.createSeconds.toFixed(1)} s; `
      + `sent ${n(bulk.sent)}, failed ${n(bulk.failed)}, skipped ${n(bulk.skipped)}; ${n(result.bulkLanded)} landed in the original topics)`,
    `  raw kafkajs consume + produce (idempotent, acks=all): ${n(raw)} msg/s (${result.rawSeconds.toFixed(1)} s; ${n(result.rawLanded)} landed); `
      + `ratio ${ratio(flowdeck / raw)} (target >= ${REDRIVE_TARGET}: ${verdict(flowdeck / raw >= REDRIVE_TARGET)})`,
    `velocity limit ${velocity}/s over ${n(limited.total)} messages: ${rate.toFixed(1)} msg/s (${limited.runSeconds.toFixed(1)} s; ${n(result.limitedLanded)} landed); `
      + `within ${VELOCITY_TOLERANCE * 100}% of ${velocity}: ${verdict(within)}`,
  ];
}

/** One line with every target's outcome, as the other benchmarks end. */
export function summaryLine(results: SizeResult[], result: RedriveResult, velocity: number): string {
  const last = results.at(-1);
  if (!last) return "SUMMARY dlq: no results";
  const index = last.plan.count / last.flowdeckSeconds / (last.plan.count / last.rawSeconds);
  const asked = [...last.queries].filter(([, t]) => t.asked);
  const met = asked.filter(([label]) => queryMet(results, label));
  const worst = Math.max(...asked.map(([, t]) => t.p95));
  const redrive = (result.bulk.sent / result.bulk.runSeconds) / (result.rawLanded / result.rawSeconds);
  const rate = result.limited.sent / result.limited.runSeconds;
  return `SUMMARY dlq ${n(last.plan.count)}: index ${ratio(index)} of raw (${verdict(index >= INDEX_TARGET)}); `
    + `queries ${met.length} of ${asked.length} asked cases met (worst p95 ${ms(worst)} ms); `
    + `redrive ${ratio(redrive)} of raw (${verdict(redrive >= REDRIVE_TARGET)}); velocity ${rate.toFixed(0)}/s for ${velocity}/s `
    + `(${verdict(Math.abs(rate - velocity) <= velocity * VELOCITY_TOLERANCE)})`;
}
