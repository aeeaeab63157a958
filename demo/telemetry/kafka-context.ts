// Trace context rides in Kafka headers as W3C `traceparent`, so a consumer's span joins the producer's trace.
import { context, propagation, type Context } from "@opentelemetry/api";
import type { IHeaders } from "kafkajs";

export type StringHeaders = Record<string, string>;

/** Kafka header values arrive as Buffers (or arrays of them); the first value of each, as text. */
export function headersAsText(headers: IHeaders | undefined): StringHeaders {
  const text: StringHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) text[name] = first.toString();
  }
  return text;
}

/** The context carried by the headers (the producer's span becomes the parent). */
export function contextFromHeaders(headers: StringHeaders): Context {
  return propagation.extract(context.active(), headers);
}

/** The headers with the given context's traceparent set (replacing one already there). */
export function withTraceContext(headers: StringHeaders, ctx: Context = context.active()): StringHeaders {
  const carrier: StringHeaders = { ...headers };
  delete carrier.traceparent;
  delete carrier.tracestate;
  propagation.inject(ctx, carrier);
  return carrier;
}
