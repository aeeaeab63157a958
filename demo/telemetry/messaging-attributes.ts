// OpenTelemetry messaging attributes, as Flowdeck reads them to draw producer → topic → consumer edges.
import type { Attributes } from "@opentelemetry/api";
import { SAGA_NAME } from "../kafka/topics";

export type MessageCoordinates = { topic: string; partition?: number; offset?: string; key?: string; messageId?: string };

export function messagingAttributes(
  operation: "send" | "process",
  message: MessageCoordinates,
  broker: string,
  consumerGroup?: string,
): Attributes {
  const [address, port] = broker.split(":");
  const attributes: Attributes = {
    "messaging.system": "kafka",
    "messaging.operation.type": operation,
    "messaging.operation.name": operation,
    "messaging.destination.name": message.topic,
    "server.address": address,
  };
  if (port !== undefined) attributes["server.port"] = Number(port);
  if (message.partition !== undefined) attributes["messaging.destination.partition.id"] = String(message.partition);
  if (message.offset !== undefined) attributes["messaging.kafka.offset"] = Number(message.offset);
  if (message.key !== undefined) attributes["messaging.kafka.message.key"] = message.key;
  if (message.messageId !== undefined) attributes["messaging.message.id"] = message.messageId;
  if (consumerGroup !== undefined) attributes["messaging.consumer.group.name"] = consumerGroup;
  return attributes;
}

/** The attributes that place a span in a saga instance (and, with a step, record that step). */
export function sagaAttributes(ref: { sagaId: string; orderId: string }, step?: { name: string; kind: "action" | "compensation" }): Attributes {
  const attributes: Attributes = { "saga.id": ref.sagaId, "saga.name": SAGA_NAME, "saga.key": ref.orderId };
  if (step) {
    attributes["saga.step"] = step.name;
    attributes["saga.step.kind"] = step.kind;
  }
  return attributes;
}
