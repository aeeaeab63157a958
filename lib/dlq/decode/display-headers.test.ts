import { describe, expect, it } from "vitest";
import { headersForDisplay } from "./display-headers";
import { TEXT_CAPS } from "./header-values";
import { int32, int64 } from "./testing/binary-headers";


describe("headersForDisplay", () => {
  it("shows text as text, Spring's binary numbers as numbers, and other bytes as hex", () => {
    expect(
      headersForDisplay({
        "kafka_dlt-original-topic": Buffer.from("orders"),
        "kafka_dlt-original-partition": int32(3),
        "kafka_dlt-original-offset": int64(9_007_199_254_740_993n),
        "kafka_dlt-original-timestamp": int64(1_764_237_600_000n),
        kafka_deliveryAttempt: int32(2),
        "retry_topic-attempts": Buffer.from([4]),
        "retry_topic-backoff-timestamp": Buffer.from([0x01, 0x9a, 0xc4, 0x0b, 0x9d, 0x00]),
        signature: Buffer.from([0x00, 0xff, 0x10]),
        note: "line one\n\tline two",
      }),
    ).toEqual([
      { name: "kafka_dlt-original-topic", value: "orders", binary: false },
      { name: "kafka_dlt-original-partition", value: "3", binary: false },
      { name: "kafka_dlt-original-offset", value: "9007199254740993", binary: false },
      { name: "kafka_dlt-original-timestamp", value: "1764237600000", binary: false },
      { name: "kafka_deliveryAttempt", value: "2", binary: false },
      { name: "retry_topic-attempts", value: "4", binary: false },
      { name: "retry_topic-backoff-timestamp", value: String(0x019ac40b9d00), binary: false },
      { name: "signature", value: "00 ff 10", binary: true },
      { name: "note", value: "line one\n\tline two", binary: false },
    ]);
  });

  it("shows invalid UTF-8 and control characters as hex", () => {
    expect(headersForDisplay({ a: Buffer.from([0x61, 0xc3]), b: "x\u0000y", c: "\u001b[2J" })).toEqual([
      { name: "a", value: "61 c3", binary: true },
      { name: "b", value: "78 00 79", binary: true },
      { name: "c", value: "1b 5b 32 4a", binary: true },
    ]);
  });

  it("falls back to hex when a Spring number header has the wrong length", () => {
    expect(headersForDisplay({ "kafka_dlt-original-partition": Buffer.from([0, 1, 2]) })).toEqual([
      { name: "kafka_dlt-original-partition", value: "00 01 02", binary: true },
    ]);
  });

  it("lists every value of a repeated header, skips undefined, and keeps script text verbatim", () => {
    const rows = headersForDisplay({ tag: ["a", Buffer.from("b")], gone: undefined, html: "<script>alert(1)</script>" });
    expect(rows).toEqual([
      { name: "tag", value: "a", binary: false },
      { name: "tag", value: "b", binary: false },
      { name: "html", value: "<script>alert(1)</script>", binary: false },
    ]);
  });

  it("caps huge values, text and hex alike", () => {
    const [text, hex] = headersForDisplay({ big: "z".repeat(100_000), blob: Buffer.alloc(100_000, 0xee) });
    expect(text?.value).toHaveLength(TEXT_CAPS.errorStack);
    expect(text?.value.endsWith("z…")).toBe(true);
    expect(hex?.value).toHaveLength(TEXT_CAPS.errorStack);
    expect(hex?.value.startsWith("ee ee")).toBe(true);
    expect(hex?.value.endsWith("…")).toBe(true);
  });
});
