import { describe, expect, it } from "vitest";
import { parseConfig } from "./load";
import { clusterResolver } from "./resolve-cluster";

describe("clusterResolver", () => {
  it("maps a span's server.address to the cluster whose brokers name it, else the default", () => {
    const resolve = clusterResolver(parseConfig({
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/flowdeck",
      FLOWDECK_AUTH_SECRET: "a-test-secret-of-at-least-32-characters",
      FLOWDECK_CLUSTERS: "local,prod",
      KAFKA_PROD_BROKERS: "b1.prod:9094,b2.prod:9094",
    }));
    expect(resolve("b2.prod:9094")).toBe("prod");
    expect(resolve("b1.prod")).toBe("prod");
    expect(resolve("127.0.0.1:9092")).toBe("local");
    expect(resolve("elsewhere:9092")).toBe("local");
    expect(resolve(undefined)).toBe("local");
  });
});
