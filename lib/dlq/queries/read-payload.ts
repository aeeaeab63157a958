import "server-only";
import type { Operator } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { getClusterClient } from "@/lib/kafka";
import { maskPayload, topicMasking } from "@/lib/masking";
import { formatPayload, type FormattedPayload } from "../decode";

export type DlqPayload = {
  value: Buffer | null;
  formatted: FormattedPayload | null;
  /** What masking rules hid from this operator (maskedBy empty: nothing); null when they see the topic in clear. */
  masking: { maskedBy: string[]; hiddenWhole: string | null } | null;
};

/**
 * The message's value as this operator may see it (masking rules applied: the same bytes feed the drawer and
 * the download), read from Kafka on demand; NOT_FOUND when retention has deleted it.
 */
export async function readDlqPayload(cluster: string, topic: string, partition: number, offset: bigint, operator: Operator): Promise<DlqPayload> {
  const read = await getClusterClient(cluster).read({ topic, partition, fromOffset: offset, limit: 1 });
  const message = read.messages.find((m) => m.offset === offset);
  if (!message) {
    throw new AppError("NOT_FOUND", offset < read.lowWatermark
      ? `Offset ${offset} of ${topic}[${partition}] was deleted by retention; only its indexed metadata is left.`
      : `No message at offset ${offset} of ${topic}[${partition}].`);
  }
  const masking = topicMasking(operator, topic);
  if (masking === null) return { value: message.value, formatted: message.value === null ? null : formatPayload(message.value), masking: null };
  const masked = maskPayload(message.value, masking);
  return {
    value: masked.value,
    formatted: masked.value === null ? null : formatPayload(masked.value),
    masking: { maskedBy: masked.maskedBy, hiddenWhole: masked.hiddenWhole },
  };
}
