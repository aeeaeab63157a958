import kafkajs from "kafkajs";
import SnappyCodec from "kafkajs-snappy";
import * as lz4 from "lz4js";
import { decompress as zstdDecompress } from "fzstd";

// kafkajs ships only gzip; DLQ messages come from producers using any codec, so Flowdeck registers the
// other three with maintained pure-JS implementations (no native builds, nothing downloaded at install).
// Flowdeck itself produces uncompressed, so lz4 and zstd only need to decompress.
// Default import: Node's ESM loader cannot see CompressionCodecs among kafkajs' CommonJS named exports.
const { CompressionCodecs, CompressionTypes } = kafkajs;
let registered = false;

export function registerCodecs(): void {
  if (registered) return;
  registered = true;
  CompressionCodecs[CompressionTypes.Snappy] = SnappyCodec as () => unknown;
  CompressionCodecs[CompressionTypes.LZ4] = () => ({
    // lz4js writes dependent blocks, which Kafka refuses; reading Kafka's independent blocks works.
    compress: () => Promise.reject(new Error("Flowdeck does not produce lz4-compressed batches")),
    decompress: async (buffer: Buffer) => Buffer.from(lz4.decompress(buffer)),
  });
  CompressionCodecs[CompressionTypes.ZSTD] = () => ({
    compress: () => Promise.reject(new Error("Flowdeck does not produce zstd-compressed batches")),
    decompress: async (buffer: Buffer) => Buffer.from(zstdDecompress(buffer)),
  });
}
