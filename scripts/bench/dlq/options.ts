import { parseArgs } from "node:util";

export type DlqBenchOptions = {
  /** DLQ sizes filled, indexed and queried, smallest first; the largest is also the redrive's source. */
  sizes: number[];
  /** Messages in the bulk redrive (no velocity limit) and in its raw baseline. */
  redrive: number;
  /** The velocity limit checked, and how many messages the limited job moves. */
  velocity: number;
  velocityCount: number;
  /** Timed runs of each query (after a warm-up). */
  rounds: number;
  partitions: number;
};

/** A whole number; underscores may group digits (1_000_000). */
function count(text: string, name: string): number {
  const n = Number(text.replaceAll("_", ""));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} takes a whole number, got "${text}"`);
  return n;
}

/** Flags win over BENCH_DLQ_* variables, which win over the defaults (the figures the issue asks for). */
export function readOptions(argv: string[], env: NodeJS.ProcessEnv): DlqBenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: "string" }, redrive: { type: "string" }, velocity: { type: "string" },
      "velocity-count": { type: "string" }, rounds: { type: "string" }, partitions: { type: "string" },
    },
  });
  const pick = (flag: string | undefined, variable: string, fallback: string) => flag ?? env[variable] ?? fallback;
  const options: DlqBenchOptions = {
    sizes: pick(values.sizes, "BENCH_DLQ_SIZES", "10000,1000000").split(",").map((s) => count(s.trim(), "sizes")).sort((a, b) => a - b),
    redrive: count(pick(values.redrive, "BENCH_DLQ_REDRIVE", "100000"), "redrive"),
    velocity: count(pick(values.velocity, "BENCH_DLQ_VELOCITY", "500"), "velocity"),
    velocityCount: count(pick(values["velocity-count"], "BENCH_DLQ_VELOCITY_COUNT", "5000"), "velocity-count"),
    rounds: count(pick(values.rounds, "BENCH_DLQ_ROUNDS", "50"), "rounds"),
    partitions: count(pick(values.partitions, "BENCH_DLQ_PARTITIONS", "6"), "partitions"),
  };
  const largest = options.sizes.at(-1) ?? 0;
  if (options.redrive + options.velocityCount > largest) {
    throw new Error(`the redrive (${options.redrive}) and the velocity check (${options.velocityCount}) need more messages than the largest DLQ holds (${largest})`);
  }
  return options;
}
