// Every size's DLQ queries timed in the same rounds once all sizes are indexed, so the growth from the small
// DLQ to the large one is measured under the same load; the index holds every size, as a real one holds many DLQs.
import { n } from "./format";
import { timeQueries, topicCases } from "./queries";
import type { SizeResult } from "./size-run";

export async function timeTopicQueries(results: SizeResult[], rounds: number): Promise<void> {
  const cases = results.map((r) => topicCases(r.plan));
  const started = performance.now();
  const timed = await timeQueries(cases.flat(), rounds);
  let next = 0;
  for (const [i, result] of results.entries()) {
    for (const { label } of cases[i] ?? []) {
      const times = timed[next++];
      if (times) result.queries.set(label, times);
    }
  }
  console.log(`bench: timed ${n(timed.length)} queries over ${n(results.length)} sizes in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
