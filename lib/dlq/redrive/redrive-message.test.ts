import { describe, expect, it } from "vitest";
import { int32 } from "../decode/testing/binary-headers";
import { isRefusal, previousRedrives, redriveMessage } from "./redrive-message";

const text = (headers: Record<string, Buffer>) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.toString()]));

describe("redriveMessage", () => {
  const dlqMessage = {
    key: Buffer.from([0xde, 0xad]),
    value: Buffer.from('{"orderId":"o-1"}'),
    headers: {
      "event-id": "evt-1",
      tenant: "eu",
      traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
      "dlq.original.topic": "orders.payment",
      "dlq.error.message": "boom",
      "kafka_dlt-original-partition": int32(3),
      "__connect.errors.topic": "orders",
      kafka_deliveryAttempt: int32(4),
    },
  };

  it("keeps key, value and business headers byte for byte, drops DLQ bookkeeping, and adds the redrive headers", () => {
    const result = redriveMessage(dlqMessage, { jobId: "job-1", itemId: "item-1" });
    if (isRefusal(result)) throw new Error(result.message);
    expect(result.key).toEqual(Buffer.from([0xde, 0xad]));
    expect(result.value?.toString()).toBe('{"orderId":"o-1"}');
    expect(text(result.headers)).toEqual({
      "event-id": "evt-1",
      tenant: "eu",
      "flowdeck.redrive.job": "job-1",
      "flowdeck.redrive.id": "item-1",
      "flowdeck.redrive.count": "1",
    });
  });

  it("counts up from the count the message already carries, replacing the old redrive headers", () => {
    const again = { ...dlqMessage, headers: { ...dlqMessage.headers, "flowdeck.redrive.job": "job-0", "flowdeck.redrive.id": "item-0", "flowdeck.redrive.count": "2" } };
    expect(previousRedrives(again.headers)).toBe(2);
    const result = redriveMessage(again, { jobId: "job-9", itemId: "item-9" });
    if (isRefusal(result)) throw new Error(result.message);
    expect(text(result.headers)).toMatchObject({ "flowdeck.redrive.job": "job-9", "flowdeck.redrive.id": "item-9", "flowdeck.redrive.count": "3" });
  });

  it("refuses a message already redriven the limit number of times, unless the operator overrides", () => {
    const looping = { ...dlqMessage, headers: { ...dlqMessage.headers, "flowdeck.redrive.count": "3" } };
    expect(redriveMessage(looping, { jobId: "j", itemId: "i" })).toEqual({ reason: "LOOP_GUARD", message: "already redriven 3 times (limit 3); override to send it again" });
    expect(redriveMessage(looping, { jobId: "j", itemId: "i", maxRedrives: 5 })).not.toHaveProperty("reason");
    const overridden = redriveMessage(looping, { jobId: "j", itemId: "i", overrideLoopGuard: true });
    expect(isRefusal(overridden) ? null : overridden.headers["flowdeck.redrive.count"]?.toString()).toBe("4");
  });

  it("sends a tombstone (no value) and a keyless message as they are", () => {
    const result = redriveMessage({ key: null, value: null, headers: {} }, { jobId: "j", itemId: "i" });
    expect(result).toEqual({ key: null, value: null, headers: expect.objectContaining({ "flowdeck.redrive.count": Buffer.from("1") }) as unknown });
  });
});
