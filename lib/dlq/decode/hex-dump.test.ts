import { describe, expect, it } from "vitest";
import { hexDump } from "./hex-dump";

describe("hexDump", () => {
  it("prints offset, 16 bytes in two groups of eight, and the printable ASCII", () => {
    const bytes = Buffer.concat([Buffer.from('{"id":1}'), Buffer.from([0x00, 0x01, 0x7f, 0x80, 0x41, 0x42, 0x43, 0x44]), Buffer.from("xyz")]);
    expect(hexDump(bytes).split("\n")).toEqual([
      '00000000  7b 22 69 64 22 3a 31 7d  00 01 7f 80 41 42 43 44  |{"id":1}....ABCD|',
      "00000010  78 79 7a                                          |xyz|",
    ]);
  });

  it("prints nothing for no bytes", () => {
    expect(hexDump(new Uint8Array())).toBe("");
  });
});
