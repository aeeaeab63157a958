import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { IngestError } from "./ingest-error";
import { readBody } from "./read-body";

const LIMIT = 64 * 1024;

function post(body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request("http://flowdeck.test/api/otlp/v1/traces", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

async function refusal(request: Request): Promise<IngestError> {
  try {
    await readBody(request, LIMIT);
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error("expected the body to be refused");
}

describe("readBody", () => {
  it("returns plain and gzipped bodies", async () => {
    const payload = Buffer.from("x".repeat(1000));
    expect(Buffer.from(await readBody(post(payload), LIMIT))).toEqual(payload);
    expect(Buffer.from(await readBody(post(zlib.gzipSync(payload), { "content-encoding": "gzip" }), LIMIT))).toEqual(payload);
  });

  it("refuses a declared length over the limit before reading anything", async () => {
    const error = await refusal(post("small", { "content-length": String(LIMIT + 1) }));
    expect(error.status).toBe(413);
  });

  it("stops reading a streamed body once it passes the limit", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(16 * 1024));
        if (pulled > 1000) controller.close();
      },
    });
    const error = await refusal(post(endless));
    expect(error.status).toBe(413);
    expect(pulled).toBeLessThan(10);
  });

  it("answers 413 to a gzip bomb instead of inflating it", async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(50 * 1024 * 1024)); // 50 MB of zeros, about 50 KB compressed
    expect(bomb.byteLength).toBeLessThan(LIMIT);
    const error = await refusal(post(bomb, { "content-encoding": "gzip" }));
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/once decompressed/);
  });

  it("answers 400 to truncated gzip and to an unknown encoding", async () => {
    const gz = zlib.gzipSync(Buffer.from("y".repeat(5000)));
    expect((await refusal(post(gz.subarray(0, gz.byteLength - 10), { "content-encoding": "gzip" }))).status).toBe(400);
    expect((await refusal(post("abc", { "content-encoding": "br" }))).status).toBe(400);
  });
});
