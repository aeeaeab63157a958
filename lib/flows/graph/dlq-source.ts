// Which topic a DLQ topic holds the failures of, when its messages do not say: the conventions Flowdeck's
// default DLQ pattern recognises (orders.DLQ, orders-dlq, orders.DLT, dlq.orders).
const SUFFIX = /(\.DLQ|\.dlq|\.DLT|\.dlt|-dlt|-dlq|-DLQ|-DLT)$/;
const PREFIX = /^dlq\./i;

/** The source topic named by a DLQ topic's name, or null when the name follows no convention. */
export function sourceTopicByName(dlqTopic: string): string | null {
  const stripped = SUFFIX.test(dlqTopic) ? dlqTopic.replace(SUFFIX, "") : PREFIX.test(dlqTopic) ? dlqTopic.replace(PREFIX, "") : null;
  return stripped === null || stripped === "" ? null : stripped;
}
