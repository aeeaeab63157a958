import { describe, expect, it } from "vitest";
import { asCount, asOffset, asPartition, asTimestamp, parseDecimal, parseIsoDate, readInt32, readInt64, readVarBigEndian } from "./header-numbers";

describe("readInt32 / readInt64", () => {
  it("reads big-endian binary of the exact width, and decimal text of any length", () => {
    expect(readInt32(Buffer.from([0, 0, 1, 0]))).toBe(256n);
    expect(readInt32(Buffer.from([0xff, 0xff, 0xff, 0xfe]))).toBe(-2n);
    expect(readInt64(Buffer.from([0, 0, 0, 0, 0, 0, 0x10, 0]))).toBe(4096n);
    expect(readInt32(Buffer.from("42"))).toBe(42n);
    expect(readInt64(Buffer.from("12345678"))).toBe(12_345_678n); // 8 digits: text, not an 8-byte long
    expect(readInt32(Buffer.from(" 7\n"))).toBe(7n);
  });

  it("gives null for other lengths, empty values and absent headers", () => {
    expect(readInt32(Buffer.from([1, 2, 3]))).toBeNull();
    expect(readInt64(Buffer.alloc(4))).toBeNull();
    expect(readInt32(Buffer.alloc(0))).toBeNull();
    expect(readInt32(null)).toBeNull();
  });

  it("reads a sub-view of a larger buffer at its own offset", () => {
    const pool = Buffer.from([9, 9, 0, 0, 0, 5, 9]);
    expect(readInt32(pool.subarray(2, 6))).toBe(5n);
  });
});

describe("parseDecimal", () => {
  it("accepts optional minus and digits only", () => {
    expect(parseDecimal(Buffer.from("-12"))).toBe(-12n);
    expect(parseDecimal(Buffer.from("1e3"))).toBeNull();
    expect(parseDecimal(Buffer.from("0x10"))).toBeNull();
    expect(parseDecimal(Buffer.from("+1"))).toBeNull();
  });
});

describe("readVarBigEndian", () => {
  it("reads Java BigInteger bytes of 1 to 8 bytes as two's complement", () => {
    expect(readVarBigEndian(Buffer.from([5]))).toBe(5n);
    expect(readVarBigEndian(Buffer.from([0xff]))).toBe(-1n);
    expect(readVarBigEndian(Buffer.from([0x01, 0x9a, 0xc4, 0x0b, 0x9d, 0x00]))).toBe(0x019ac40b9d00n);
    expect(readVarBigEndian(Buffer.alloc(9))).toBeNull();
    expect(readVarBigEndian(Buffer.alloc(0))).toBeNull();
  });
});

describe("range checks", () => {
  it("keep partitions and counts within 0..2^31-1", () => {
    expect([asPartition(0n), asPartition(2n ** 31n - 1n), asPartition(2n ** 31n), asPartition(-1n), asPartition(null)]).toEqual([0, 2147483647, null, null, null]);
    expect(asCount(3n)).toBe(3);
  });

  it("keep offsets non-negative int64, as exact decimal text", () => {
    expect([asOffset(0n), asOffset(2n ** 63n - 1n), asOffset(2n ** 63n), asOffset(-1n)]).toEqual(["0", "9223372036854775807", null, null]);
  });

  it("keep timestamps within what a Date can hold", () => {
    expect(asTimestamp(0n)?.toISOString()).toBe("1970-01-01T00:00:00.000Z");
    expect(asTimestamp(-1n)).toBeNull();
    expect(asTimestamp(8_640_000_000_000_001n)).toBeNull();
  });
});

describe("parseIsoDate", () => {
  it("accepts ISO-8601 date-times with a zone, nothing looser", () => {
    expect(parseIsoDate("2026-11-27T10:00:00.000Z")?.getTime()).toBe(Date.UTC(2026, 10, 27, 10));
    expect(parseIsoDate("2026-11-27T12:00:00+02:00")?.getTime()).toBe(Date.UTC(2026, 10, 27, 10));
    expect(parseIsoDate("2026-11-27")).toBeNull(); // no time: which zone?
    expect(parseIsoDate("Fri, 27 Nov 2026 10:00:00 GMT")).toBeNull();
    expect(parseIsoDate(null)).toBeNull();
  });
});
