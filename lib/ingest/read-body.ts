import { promisify } from "node:util";
import zlib from "node:zlib";
import { IngestError } from "./ingest-error";

const gunzip = promisify(zlib.gunzip);

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * The request body, gunzipped when Content-Encoding says gzip, never larger than `limit` bytes before
 * or after decompression. The body is read as a stream and abandoned as soon as it passes the limit,
 * and decompression stops at the limit, so neither a huge upload nor a gzip bomb is ever held whole.
 */
export async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (declared > limit) throw new IngestError(413, `request body of ${megabytes(declared)} is over the ${megabytes(limit)} limit`);
  const raw = await readLimited(request, limit);
  const encoding = (request.headers.get("content-encoding") ?? "identity").trim().toLowerCase();
  if (encoding === "identity" || encoding === "") return raw;
  if (encoding !== "gzip") throw new IngestError(400, `content-encoding ${encoding} is not supported; use gzip or none`);
  try {
    return await gunzip(raw, { maxOutputLength: limit });
  } catch (error) {
    if (error instanceof RangeError) throw new IngestError(413, `request body is over the ${megabytes(limit)} limit once decompressed`);
    throw new IngestError(400, "request body is not valid gzip (truncated or corrupt)");
  }
}

async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new IngestError(413, `request body is over the ${megabytes(limit)} limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}
