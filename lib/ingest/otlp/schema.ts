import protobuf from "protobufjs/light.js";
import descriptor from "./otlp-trace.json";

type DescriptorNode = { nested?: Record<string, DescriptorNode>; fields?: Record<string, { type: string; options?: Record<string, unknown> }> };

// proto3 strings are checked for valid UTF-8, so one bad string would refuse a whole export. A span
// with one must be stored (with U+FFFD in its place), so string fields get the Protobuf Editions
// feature utf8_validation = NONE: protobufjs then reads them leniently.
function withLenientStrings(node: DescriptorNode): DescriptorNode {
  for (const field of Object.values(node.fields ?? {})) {
    if (field.type === "string") field.options = { ...field.options, features: { utf8_validation: "NONE" } };
  }
  for (const child of Object.values(node.nested ?? {})) withLenientStrings(child);
  return node;
}

// The OpenTelemetry project's own definitions (see README.md), loaded into protobufjs: no hand-written
// wire decoding. protobufjs/light is the runtime without the .proto text parser.
const root = protobuf.Root.fromJSON(withLenientStrings(structuredClone(descriptor) as DescriptorNode));
const NS = "opentelemetry.proto.collector.trace.v1.";

export const ExportTraceServiceRequest = root.lookupType(`${NS}ExportTraceServiceRequest`);
export const ExportTraceServiceResponse = root.lookupType(`${NS}ExportTraceServiceResponse`);

// OTLP/HTTP error bodies are google.rpc.Status, which opentelemetry-proto does not include; its two
// scalar fields are declared here through protobufjs' reflection API.
export const RpcStatus = new protobuf.Type("Status")
  .add(new protobuf.Field("code", 1, "int32"))
  .add(new protobuf.Field("message", 2, "string"));
new protobuf.Root().define("google.rpc").add(RpcStatus);

// What protobufjs hands back (camelCase field names, the pbjs default), described structurally.
export type LongLike = { low: number; high: number; unsigned: boolean } | number;
export type PAnyValue = {
  value?: string; // the oneof's discriminator on decoded messages
  stringValue?: string;
  boolValue?: boolean;
  intValue?: LongLike;
  doubleValue?: number;
  arrayValue?: { values?: PAnyValue[] };
  kvlistValue?: { values?: PKeyValue[] };
  bytesValue?: Uint8Array;
};
export type PKeyValue = { key: string; value?: PAnyValue | null };
export type PEvent = { timeUnixNano?: LongLike; name?: string; attributes?: PKeyValue[] };
export type PLink = { traceId?: Uint8Array; spanId?: Uint8Array; attributes?: PKeyValue[] };
export type PSpan = {
  traceId?: Uint8Array;
  spanId?: Uint8Array;
  parentSpanId?: Uint8Array;
  name?: string;
  kind?: number;
  startTimeUnixNano?: LongLike;
  endTimeUnixNano?: LongLike;
  attributes?: PKeyValue[];
  events?: PEvent[];
  links?: PLink[];
  status?: { code?: number; message?: string } | null;
};
export type PRequest = {
  resourceSpans?: {
    resource?: { attributes?: PKeyValue[] } | null;
    scopeSpans?: { scope?: { name?: string } | null; spans?: PSpan[] }[];
  }[];
};
