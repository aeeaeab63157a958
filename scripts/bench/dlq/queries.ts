// Server-side times of what the DLQ pages ask of the index: each query alone, and the message browser's
// whole data fetch as app/dlq/[cluster]/[topic]/page.tsx makes it (the topic, then the page or the groups
// together with the count of pending matching messages).
import { ROLES, type Operator } from "@/lib/auth/roles";
import { PAGE_SIZE, browseMessages, countPendingMatching, errorGroups, findDlqTopic, listDlqTopics, type DlqBrowseInput } from "@/lib/dlq";
import { percentile } from "../percentile";
import { FILTER_ERROR_TYPE, messageTime, type FillPlan } from "./dead-letters";

/** A case's times; `asked`: it is one of the cases the issue names. */
export type TimedQuery = { p50: number; p95: number; asked: boolean };
/** `asked` as above; `rounds`: fewer runs for a case that scans (its figure is shown, not judged alike). */
export type QueryCase = { label: string; asked: boolean; rounds?: number; run: () => Promise<unknown> };

const WARM_UP = 5;
// The pages pass the signed-in operator; the benchmark reads as one who sees everything in clear.
const BENCH_OPERATOR: Operator = { id: "bench", name: "bench", displayName: "bench", roles: [...ROLES] };
const SCAN_ROUNDS = 10;

async function pageData(input: DlqBrowseInput, grouped: boolean): Promise<void> {
  await findDlqTopic(input.cluster, input.topic);
  await Promise.all([grouped ? errorGroups(input, BENCH_OPERATOR) : browseMessages(input, BENCH_OPERATOR), countPendingMatching(input, BENCH_OPERATOR)]);
}

/** The DLQ list covers the cluster, so it is timed as each size joins it. */
export const listCase: QueryCase = { label: "DLQ list (all DLQs of the cluster so far)", asked: true, run: () => listDlqTopics("local", BENCH_OPERATOR) };

/** The cases timed for one DLQ: the newest page, a jump to the middle and to the oldest page, each also by error type. */
export function topicCases(plan: FillPlan): QueryCase[] {
  const base: DlqBrowseInput = { cluster: "local", topic: plan.topic, status: "pending" };
  const positions = [
    { where: "newest page (end)", input: base },
    { where: "middle (jump to time)", input: { ...base, to: new Date(messageTime(plan, Math.floor(plan.count / 2))) } },
    { where: "oldest page (start)", input: { ...base, to: new Date(messageTime(plan, PAGE_SIZE)) } },
  ];
  const browses = positions.flatMap(({ where, input }) => [
    { label: where, input },
    { label: `${where}, error type`, input: { ...input, errorType: FILTER_ERROR_TYPE } },
  ]);
  const middle = positions[1]?.input ?? base;
  return [
    ...browses.map(({ label, input }) => ({ label: `page: ${label}`, asked: true, run: () => pageData(input, false) })),
    { label: "page: group by error type", asked: true, run: () => pageData(base, true) },
    ...browses.map(({ label, input }) => ({ label: `  browse query alone: ${label}`, asked: false, run: () => browseMessages(input, BENCH_OPERATOR) })),
    { label: "  group query alone", asked: false, run: () => errorGroups(base, BENCH_OPERATOR) },
    { label: "  count alone: newest page", asked: false, run: () => countPendingMatching(base, BENCH_OPERATOR) },
    { label: "  count alone: middle", asked: false, run: () => countPendingMatching(middle, BENCH_OPERATOR) },
    { label: `  group by error type, to middle (a scan; ${SCAN_ROUNDS} runs)`, asked: false, rounds: SCAN_ROUNDS, run: () => errorGroups(middle, BENCH_OPERATOR) },
  ];
}

/**
 * p50 and p95 of each case over `rounds` runs after a warm-up (a console in use has its caches warm), in the
 * cases' order. The cases take turns, round by round, so a burst of load on this shared machine falls on all
 * of them alike.
 */
export async function timeQueries(cases: QueryCase[], rounds: number): Promise<TimedQuery[]> {
  for (const { run } of cases) for (let i = 0; i < WARM_UP; i++) await run();
  const times = cases.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, { run, rounds: own }] of cases.entries()) {
      if (round >= (own ?? rounds)) continue;
      const started = performance.now();
      await run();
      times[i]?.push(performance.now() - started);
    }
  }
  return cases.map(({ asked }, i) => {
    const sorted = (times[i] ?? []).sort((a, b) => a - b);
    return { asked, p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
  });
}
