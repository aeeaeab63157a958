// The redrive figures: a bulk job with no velocity limit against the raw pipe moving the same messages, and
// a job under a velocity limit. Every message is counted where it landed.
import { ORIGINALS, partitionEnds, type FillPlan } from "./dead-letters";
import { flowdeckRedrive, type RedriveRun } from "./flowdeck-redrive";
import { messagesIn } from "./kafka";
import { rawPipe } from "./raw-pipe";

export type RedriveResult = {
  bulk: RedriveRun; bulkLanded: number;
  rawSeconds: number; rawLanded: number;
  limited: RedriveRun; limitedLanded: number;
};

const STEP_TIMEOUT_MS = 20 * 60_000;

export const originalTopics = (prefix: string) => ORIGINALS.map((o) => `${prefix}.${o.suffix}`);
export const rawTargetTopics = (prefix: string) => ORIGINALS.map((o) => `${prefix}.raw-${o.suffix}`);

export async function runRedrive(plan: FillPlan, count: number, velocity: number, velocityCount: number): Promise<RedriveResult> {
  const originals = originalTopics(plan.prefix);
  const bulk = await flowdeckRedrive(plan, 0, count, null, STEP_TIMEOUT_MS);
  const bulkLanded = await messagesIn(originals);
  console.log(`bench: Flowdeck redrove ${bulk.sent} in ${bulk.runSeconds.toFixed(1)} s`);

  const route = (original: string) => original.replace(`${plan.prefix}.`, `${plan.prefix}.raw-`);
  const rawSeconds = await rawPipe(plan.topic, partitionEnds(plan, count), route, STEP_TIMEOUT_MS);
  const rawLanded = await messagesIn(rawTargetTopics(plan.prefix));
  console.log(`bench: raw pipe moved ${rawLanded} in ${rawSeconds.toFixed(1)} s`);

  const limited = await flowdeckRedrive(plan, count, count + velocityCount, velocity, STEP_TIMEOUT_MS);
  const limitedLanded = (await messagesIn(originals)) - bulkLanded;
  console.log(`bench: Flowdeck redrove ${limited.sent} at ${velocity}/s at most in ${limited.runSeconds.toFixed(1)} s`);
  return { bulk, bulkLanded, rawSeconds, rawLanded, limited, limitedLanded };
}
