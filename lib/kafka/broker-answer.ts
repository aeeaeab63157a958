import { AppError } from "@/lib/errors";

type KafkaJsError = Error & { type?: string; cause?: unknown };

/**
 * When the broker answered with an error (as opposed to not answering), the matching AppError;
 * otherwise undefined. Answers never trip the circuit breaker.
 */
export function brokerAnswer(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error.code === "UNAVAILABLE" ? undefined : error;
  if (!(error instanceof Error)) return undefined;
  const e = error as KafkaJsError;
  // kafkajs wraps the last attempt's error when its retries run out.
  if (e.name === "KafkaJSNumberOfRetriesExceeded" && e.cause) return brokerAnswer(e.cause);
  if (e.name !== "KafkaJSProtocolError") return undefined;
  if (e.type === "UNKNOWN_TOPIC_OR_PARTITION" || e.type === "GROUP_ID_NOT_FOUND") return new AppError("NOT_FOUND", e.message);
  if (e.type === "TOPIC_AUTHORIZATION_FAILED" || e.type === "GROUP_AUTHORIZATION_FAILED" || e.type === "CLUSTER_AUTHORIZATION_FAILED") {
    return new AppError("FORBIDDEN", `The cluster refused Flowdeck's credentials: ${e.message}`);
  }
  if (e.type === "TOPIC_ALREADY_EXISTS") return new AppError("CONFLICT", e.message);
  if (e.type === "INVALID_PARTITIONS" || e.type === "INVALID_REPLICATION_FACTOR" || e.type === "INVALID_TOPIC_EXCEPTION") {
    return new AppError("VALIDATION", e.message);
  }
  if (e.type === "MESSAGE_TOO_LARGE" || e.type === "RECORD_LIST_TOO_LARGE") return new AppError("VALIDATION", e.message, { kafkaError: e.type });
  return undefined;
}
