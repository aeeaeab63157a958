// What a message carries into its DLQ: its key, value and business headers unchanged (event-id stays, so a
// redrive is deduped like any redelivery), plus Flowdeck's documented dlq.* headers saying where it came
// from and why it failed.
import type { StringHeaders } from "../telemetry/kafka-context";

export type DeadLetterCause = {
  topic: string;
  partition: number;
  offset: string;
  consumerGroup: string;
  error: Error;
  attempts: number;
  failedAt: Date;
};

const STACK_LIMIT = 4_000;

export function deadLetterHeaders(original: StringHeaders, cause: DeadLetterCause): StringHeaders {
  // Error headers from an earlier trip through a DLQ are replaced, not piled up.
  const kept = Object.fromEntries(Object.entries(original).filter(([name]) => !name.startsWith("dlq.")));
  return {
    ...kept,
    "dlq.original.topic": cause.topic,
    "dlq.original.partition": String(cause.partition),
    "dlq.original.offset": cause.offset,
    "dlq.consumer.group": cause.consumerGroup,
    "dlq.error.type": errorType(cause.error),
    "dlq.error.message": cause.error.message,
    "dlq.error.stack": (cause.error.stack ?? "").slice(0, STACK_LIMIT),
    "dlq.failed.at": cause.failedAt.toISOString(),
    "dlq.attempts": String(cause.attempts),
  };
}

/** A plain Error says little; libraries mark theirs with a class or a code (opossum's EOPENBREAKER). */
export function errorType(error: Error): string {
  const code = (error as { code?: unknown }).code;
  if (error.name !== "Error") return error.name;
  if (error.constructor.name !== "Error") return error.constructor.name;
  return typeof code === "string" && code !== "" ? code : "Error";
}
