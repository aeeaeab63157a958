import { describe, expect, it } from "vitest";
import { indexColumns } from "./index-columns";
import { at, event, hexId, span } from "./testing/span-builder";

const resolveCluster = (address: string | undefined) => (address === undefined ? "default" : `cluster-of-${address}`);

describe("indexColumns", () => {
  it("copies messaging, saga and breaker attributes, reading numbers sent as strings", () => {
    const consumer = span({
      spanId: hexId(1),
      attributes: {
        "messaging.system": "kafka", "messaging.destination.name": "orders", "messaging.operation.type": "process",
        "messaging.consumer.group.name": "billing", "messaging.message.id": "m-1", "messaging.destination.partition.id": "3",
        "messaging.kafka.offset": "9007199254740993", "server.address": "kafka-1", "saga.id": "s-1", "saga.key": "order-42",
        "circuit_breaker.name": "payments-api",
      },
    });
    expect(indexColumns(consumer, resolveCluster)).toEqual({
      messaging_cluster: "cluster-of-kafka-1", messaging_destination: "orders", messaging_operation: "process",
      messaging_consumer_group: "billing", messaging_message_id: "m-1", messaging_partition: 3,
      messaging_offset: 9007199254740993n, saga_id: "s-1", saga_key: "order-42", breaker_name: "payments-api",
    });
  });

  it("leaves malformed or absent values null and takes the breaker from a state change", () => {
    const other = span({
      spanId: hexId(2),
      attributes: { "messaging.destination.partition.id": "p3", "messaging.kafka.offset": -1, "saga.id": 42 },
      events: [
        event("circuit_breaker.state_change", at(5), { "circuit_breaker.name": "late", "circuit_breaker.state": "open" }),
        event("circuit_breaker.state_change", at(1), { "circuit_breaker.name": "early", "circuit_breaker.state": "closed" }),
      ],
    });
    expect(indexColumns(other, resolveCluster)).toMatchObject({
      messaging_cluster: null, messaging_destination: null, messaging_partition: null, messaging_offset: null,
      saga_id: "42", saga_key: null, breaker_name: "early",
    });
  });

  it("resolves the default cluster when a messaging span names no broker", () => {
    const producer = span({ spanId: hexId(3), attributes: { "messaging.destination.name": "orders", "messaging.kafka.offset": 12 } });
    expect(indexColumns(producer, resolveCluster)).toMatchObject({ messaging_cluster: "default", messaging_offset: 12n });
  });
});
