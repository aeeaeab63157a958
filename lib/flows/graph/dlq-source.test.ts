import { describe, expect, it } from "vitest";
import { sourceTopicByName } from "./dlq-source";

describe("sourceTopicByName", () => {
  it("reads the source topic from the DLQ naming conventions", () => {
    expect(sourceTopicByName("orders.payment.DLQ")).toBe("orders.payment");
    expect(sourceTopicByName("orders.dlq")).toBe("orders");
    expect(sourceTopicByName("orders.DLT")).toBe("orders");
    expect(sourceTopicByName("orders-dlt")).toBe("orders");
    expect(sourceTopicByName("orders-dlq")).toBe("orders");
    expect(sourceTopicByName("dlq.orders")).toBe("orders");
  });

  it("says nothing for names that follow no convention", () => {
    expect(sourceTopicByName("orders")).toBeNull();
    expect(sourceTopicByName("failed-orders")).toBeNull();
    expect(sourceTopicByName(".DLQ")).toBeNull();
  });
});
