import { describe, expect, it } from "vitest";
import { PREVIEW_LENGTH, describePayload, formatPayload } from "./payload-preview";

function schemaRegistryFrame(schemaId: number, body: number[]): Buffer {
  const header = Buffer.alloc(5);
  header.writeInt32BE(schemaId, 1);
  return Buffer.concat([header, Buffer.from(body)]);
}

describe("describePayload", () => {
  it("describes a missing or empty value as empty", () => {
    expect(describePayload(null)).toEqual({ size: 0, format: "empty", schemaId: null, preview: "" });
    expect(describePayload(Buffer.alloc(0))).toEqual({ size: 0, format: "empty", schemaId: null, preview: "" });
  });

  it("recognises Schema Registry framing and previews the bytes after the 5-byte header", () => {
    const avro = schemaRegistryFrame(1042, [0x02, 0x0a, 0x6f, 0x72, 0x64]);
    expect(describePayload(avro)).toEqual({ size: 10, format: "schema-registry", schemaId: 1042, preview: "02 0a 6f 72 64" });
  });

  it("does not take bytes that merely start with 0x00 for a registry frame", () => {
    expect(describePayload(Buffer.from([0, 0, 0, 0, 0, 7])).format).toBe("binary");
    expect(describePayload(Buffer.from([0, 0, 1])).format).toBe("binary");
    expect(describePayload(Buffer.from([0, 0xff, 0xff, 0xff, 0xff])).format).toBe("binary"); // negative id
  });

  it("previews JSON objects and arrays compactly, keeping big numbers exact", () => {
    expect(describePayload(Buffer.from('{\n  "orderId": 9007199254740993,\n  "sku": "A-1"\n}'))).toEqual({
      size: 49,
      format: "json",
      schemaId: null,
      preview: '{"orderId":9007199254740993,"sku":"A-1"}',
    });
    expect(describePayload(Buffer.from("[1, 2]")).preview).toBe("[1,2]");
    expect(describePayload(Buffer.from('\uFEFF{"a": 1}'))).toMatchObject({ format: "json", preview: '{"a":1}' }); // byte-order mark
  });

  it("calls scalars and almost-JSON text \"text\"", () => {
    expect(describePayload(Buffer.from("42")).format).toBe("text");
    expect(describePayload(Buffer.from('"ok"')).format).toBe("text");
    expect(describePayload(Buffer.from('{"broken": '))).toMatchObject({ format: "text", preview: '{"broken": ' });
    expect(describePayload(Buffer.from("zażółć gęślą jaźń"))).toMatchObject({ format: "text", preview: "zażółć gęślą jaźń", size: 26 });
  });

  it("calls invalid UTF-8 and control characters binary, with a hex preview", () => {
    expect(describePayload(Buffer.from([0x68, 0x69, 0xc3, 0x28]))).toEqual({ size: 4, format: "binary", schemaId: null, preview: "68 69 c3 28" });
    expect(describePayload(Buffer.from("abc\u0007")).format).toBe("binary");
  });

  it("strips NUL from text previews, so a NUL-terminated string is still text", () => {
    expect(describePayload(Buffer.from("order-42\u0000"))).toMatchObject({ format: "text", preview: "order-42", size: 9 });
    expect(describePayload(Buffer.from('{"a":1}\u0000'))).toMatchObject({ format: "json", preview: '{"a":1}' });
    expect(describePayload(Buffer.from([0, 0, 0])).format).toBe("binary"); // nothing but NUL: bytes, not text
  });

  it("keeps script-injection text verbatim", () => {
    expect(describePayload(Buffer.from("<script>alert(1)</script>")).preview).toBe("<script>alert(1)</script>");
  });

  it("caps every preview at 512 characters ending in …", () => {
    const previews = [
      describePayload(Buffer.from("t".repeat(2_000))).preview,
      describePayload(Buffer.from(JSON.stringify({ list: Array.from({ length: 500 }, (_, i) => i) }))).preview,
      describePayload(Buffer.alloc(2_000, 0xff)).preview,
      describePayload(schemaRegistryFrame(7, Array.from({ length: 2_000 }, () => 0xab))).preview,
    ];
    for (const preview of previews) {
      expect(preview).toHaveLength(PREVIEW_LENGTH);
      expect(preview.endsWith("…")).toBe(true);
    }
    expect(describePayload(Buffer.from("t".repeat(PREVIEW_LENGTH))).preview).toBe("t".repeat(PREVIEW_LENGTH));
  });
});

describe("formatPayload", () => {
  it("pretty-prints JSON with two spaces", () => {
    expect(formatPayload(Buffer.from('{"id":9007199254740993,"items":[{"sku":"A"}]}'))).toEqual({
      format: "json",
      text: '{\n  "id": 9007199254740993,\n  "items": [\n    {\n      "sku": "A"\n    }\n  ]\n}',
      truncated: false,
      schemaId: null,
    });
  });

  it("returns text as it is, and empty values as empty", () => {
    expect(formatPayload(Buffer.from("line 1\nline 2"))).toEqual({ format: "text", text: "line 1\nline 2", truncated: false, schemaId: null });
    expect(formatPayload(Buffer.alloc(0))).toEqual({ format: "empty", text: "", truncated: false, schemaId: null });
  });

  it("hex-dumps binary and Schema Registry values from byte 0, with the schema id", () => {
    expect(formatPayload(Buffer.from([0xca, 0xfe, 0x41]))).toEqual({
      format: "binary",
      text: "00000000  ca fe 41                                          |..A|",
      truncated: false,
      schemaId: null,
    });
    const framed = formatPayload(schemaRegistryFrame(3, [0x02, 0x41]));
    expect(framed).toMatchObject({ format: "schema-registry", schemaId: 3, truncated: false });
    expect(framed.text).toBe(`00000000  ${"00 00 00 00 03 02 41".padEnd(48)}  |......A|`); // the hex column is 48 wide
  });

  it("considers only the first maxBytes and says so", () => {
    const out = formatPayload(Buffer.alloc(100, 0xee), 32);
    expect(out.truncated).toBe(true);
    expect(out.text.split("\n")).toHaveLength(2);
    expect(formatPayload(Buffer.from("abcdef"), 6).truncated).toBe(false);
  });

  it("keeps a cut UTF-8 text as text, dropping the character the cut split", () => {
    const out = formatPayload(Buffer.from("aaaé"), 4); // é is two bytes; the cut falls between them
    expect(out).toEqual({ format: "text", text: "aaa", truncated: true, schemaId: null });
  });

  it("shows a cut JSON document as text, since it no longer parses", () => {
    expect(formatPayload(Buffer.from('{"a": [1, 2, 3]}'), 8)).toEqual({ format: "text", text: '{"a": [1', truncated: true, schemaId: null });
  });
});
