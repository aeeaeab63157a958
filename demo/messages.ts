// The saga's messages: commands from the order service to each participant, and the participants'
// replies. Every message names its order and saga instance; the JSON value is validated on receipt, so a
// malformed one (a poison message) is recognised rather than half-processed.
import { z } from "zod";

const SagaRef = z.object({ orderId: z.string().min(1), sagaId: z.string().min(1) });

export const Command = z.discriminatedUnion("type", [
  SagaRef.extend({ type: z.literal("inventory.reserve"), sku: z.string().min(1), quantity: z.number().int().positive() }),
  SagaRef.extend({ type: z.literal("inventory.release") }),
  SagaRef.extend({ type: z.literal("payment.charge"), amountCents: z.number().int().positive(), card: z.string().min(4) }),
  SagaRef.extend({ type: z.literal("payment.refund") }),
  SagaRef.extend({ type: z.literal("shipping.create"), address: z.string().min(1) }),
]);
export type Command = z.infer<typeof Command>;

export const Reply = z.discriminatedUnion("type", [
  SagaRef.extend({ type: z.literal("inventory.reserved") }),
  SagaRef.extend({ type: z.literal("inventory.rejected"), reason: z.string() }),
  SagaRef.extend({ type: z.literal("inventory.released") }),
  SagaRef.extend({ type: z.literal("payment.charged"), chargeId: z.string() }),
  SagaRef.extend({ type: z.literal("payment.declined"), reason: z.string() }),
  SagaRef.extend({ type: z.literal("payment.refunded") }),
  SagaRef.extend({ type: z.literal("shipment.created"), tracking: z.string() }),
  SagaRef.extend({ type: z.literal("shipment.failed"), reason: z.string() }),
]);
export type Reply = z.infer<typeof Reply>;

export type CommandOf<T extends Command["type"]> = Extract<Command, { type: T }>;

/** Thrown for a message that can never succeed (bad JSON, wrong shape): it goes to the DLQ without retries. */
export class PoisonMessageError extends Error {
  override name = "PoisonMessageError";
}

/** Parses a message value with `schema`, turning any failure into a PoisonMessageError with one clear line. */
export function parseMessage<T>(schema: z.ZodType<T>, value: Buffer | null): T {
  if (value === null) throw new PoisonMessageError("message has no value");
  let json: unknown;
  try {
    json = JSON.parse(value.toString("utf8"));
  } catch {
    throw new PoisonMessageError("message value is not valid JSON");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PoisonMessageError(`message does not match its schema: ${issue?.path.join(".") || "value"} ${issue?.message ?? ""}`.trim());
  }
  return parsed.data;
}
