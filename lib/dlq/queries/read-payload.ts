import "server-only";
import { AppError } from "@/lib/errors";
import { getClusterClient } from "@/lib/kafka";
import { formatPayload, type FormattedPayload } from "../decode";

export type DlqPayload = { value: Buffer | null; formatted: FormattedPayload | null };

/** The message's value, read from Kafka on demand; NOT_FOUND when retention has deleted it. */
export async function readDlqPayload(cluster: string, topic: string, partition: number, offset: bigint): Promise<DlqPayload> {
  const read = await getClusterClient(cluster).read({ topic, partition, fromOffset: offset, limit: 1 });
  const message = read.messages.find((m) => m.offset === offset);
  if (!message) {
    throw new AppError("NOT_FOUND", offset < read.lowWatermark
      ? `Offset ${offset} of ${topic}[${partition}] was deleted by retention; only its indexed metadata is left.`
      : `No message at offset ${offset} of ${topic}[${partition}].`);
  }
  return { value: message.value, formatted: message.value === null ? null : formatPayload(message.value) };
}
