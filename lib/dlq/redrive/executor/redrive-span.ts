import "server-only";
import { randomFillSync } from "node:crypto";
import { SpanKind, SpanStatusCode, isSpanContextValid, trace, type Link } from "@opentelemetry/api";
import { parseTraceparent, type RawHeaders } from "../../decode";

export type RedriveSpan = { traceId: string; spanId: string; traceparent: string; end: (error?: string) => void };

const tracer = () => trace.getTracer("flowdeck");

// Ids for untraced sends come from a pool filled 64 KB at a time: one crypto call per message cost more than
// the rest of its span.
const pool = Buffer.alloc(65_536);
let used = pool.length;

function randomHex(bytes: number): string {
  if (used + bytes > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += bytes;
  return pool.toString("hex", used - bytes, used);
}

function headerText(headers: RawHeaders, name: string): string | null {
  const value = headers[name];
  const first: Buffer | string | undefined = typeof value === "string" || Buffer.isBuffer(value) ? value : value?.[0];
  return first === undefined ? null : first.toString();
}

/**
 * The span a redriven message is sent under: a new trace, linked to the trace that produced the original
 * message. Its ids go into the message's traceparent, so the consumer's span becomes its child and tells
 * whether the redriven message was processed. When Flowdeck does not trace itself, the ids are still made
 * (and sampled) so the consumer's spans can be found all the same.
 */
export function startRedriveSpan(targetTopic: string, jobId: string, originalHeaders: RawHeaders): RedriveSpan {
  const original = parseTraceparent(headerText(originalHeaders, "traceparent"));
  const links: Link[] = original ? [{ context: { traceId: original.traceId, spanId: original.parentSpanId, traceFlags: 1, isRemote: true } }] : [];
  const span = tracer().startSpan(`redrive ${targetTopic}`, {
    kind: SpanKind.PRODUCER, root: true, links,
    attributes: { "messaging.system": "kafka", "messaging.operation.type": "send", "messaging.destination.name": targetTopic, "flowdeck.redrive.job": jobId },
  });
  const context = span.spanContext();
  const recorded = isSpanContextValid(context);
  const traceId = recorded ? context.traceId : randomHex(16);
  const spanId = recorded ? context.spanId : randomHex(8);
  return {
    traceId, spanId, traceparent: `00-${traceId}-${spanId}-01`,
    end: (error) => {
      if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: error });
      span.end();
    },
  };
}
