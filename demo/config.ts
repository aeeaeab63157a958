// The demo system's settings, read from the environment once and validated; a bad value stops start-up
// with one line naming it. The demo is a separate system from Flowdeck, so it has its own variables.
import { z } from "zod";

const Port = z.coerce.number().int().min(1).max(65_535);

export const DemoConfig = z.object({
  DEMO_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).default("postgresql://postgres@127.0.0.1:5432/flowdeck_demo"),
  DEMO_KAFKA_BROKERS: z.string().min(1).default("127.0.0.1:9092"),
  /** Where services export spans (Flowdeck's OTLP endpoint); empty turns export off. */
  DEMO_OTLP_URL: z.union([z.url({ protocol: /^https?$/ }), z.literal("")]).default("http://127.0.0.1:3000/api/otlp/v1/traces"),
  /** demo: timings a person can watch; test: short ones so journeys finish in seconds. */
  DEMO_PROFILE: z.enum(["demo", "test"]).default("demo"),
  DEMO_ORDER_PORT: Port.default(4100),
  /** Prefixes every topic and consumer group, so tests can run their own copy of the system side by side. */
  /** The account the demo makes in Flowdeck (an admin); without a password a random one is made and printed. */
  DEMO_SIGN_IN_EMAIL: z.email().default("demo@flowdeck.local"),
  DEMO_SIGN_IN_PASSWORD: z.string().min(12, "at least 12 characters").optional(),
  DEMO_TOPIC_PREFIX: z.string().regex(/^[a-zA-Z0-9._-]*$/, "letters, digits, '.', '_' and '-' only").default(""),
});
export type DemoConfig = z.infer<typeof DemoConfig>;

let cached: DemoConfig | undefined;

export function demoConfig(env: NodeJS.ProcessEnv = process.env): DemoConfig {
  if (cached && env === process.env) return cached;
  const parsed = DemoConfig.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`demo: ${issue?.path.join(".") ?? "environment"} ${issue?.message ?? "is invalid"}`);
  }
  if (env === process.env) cached = parsed.data;
  return parsed.data;
}
