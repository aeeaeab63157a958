// Pure: no I/O.
// DLQ metadata from a dead-lettered Kafka message's headers, whichever convention wrote them.
import { MARKER_HEADERS, PRECEDENCE, READERS, type Convention, type FailureFields } from "./conventions";
import { asCount, parseDecimal } from "./header-numbers";
import { hasHeader, headerBytes, headerText, type RawHeaders } from "./header-values";
import { parseTraceparent } from "./trace-context";

export type DlqMetadata = FailureFields & {
  convention: Convention | null;
  traceId: string | null;
  parentSpanId: string | null;
  eventId: string | null;
  sagaId: string | null;
  redrive: { jobId: string | null; id: string | null; count: number } | null;
};

const NO_FAILURE: FailureFields = {
  originalTopic: null,
  originalPartition: null,
  originalOffset: null,
  originalTimestamp: null,
  consumerGroup: null,
  errorType: null,
  errorMessage: null,
  errorStack: null,
  attempts: null,
  failedAt: null,
};

function conventionOf(headers: RawHeaders): Convention | null {
  return PRECEDENCE.find((c) => MARKER_HEADERS[c].some((name) => hasHeader(headers, name))) ?? null;
}

/** True when any convention's original-topic or error header is present: how DLQ topics are found by sampling. */
export function hasDlqHeaders(headers: RawHeaders): boolean {
  return conventionOf(headers) !== null;
}

/** Flowdeck's own redrive headers alone: what a redrive reads of every message it sends (the loop guard). */
export function readRedrive(headers: RawHeaders): DlqMetadata["redrive"] {
  const names = ["flowdeck.redrive.job", "flowdeck.redrive.id", "flowdeck.redrive.count"];
  if (!names.some((name) => hasHeader(headers, name))) return null;
  return {
    jobId: headerText(headers, "flowdeck.redrive.job"),
    id: headerText(headers, "flowdeck.redrive.id"),
    // Redrive headers are only added by a redrive, so a missing or unreadable count still means one.
    count: asCount(parseDecimal(headerBytes(headers, "flowdeck.redrive.count"))) ?? 1,
  };
}

/** Where the message came from, why it failed, and the ids that link it to traces, events and sagas. */
export function readDlqMetadata(headers: RawHeaders): DlqMetadata {
  const convention = conventionOf(headers);
  const failure = convention === null ? NO_FAILURE : READERS[convention](headers);
  const trace = parseTraceparent(headerText(headers, "traceparent"));
  return {
    convention,
    ...failure,
    traceId: trace?.traceId ?? null,
    parentSpanId: trace?.parentSpanId ?? null,
    eventId: headerText(headers, "event-id") ?? headerText(headers, "ce_id"),
    sagaId: headerText(headers, "saga.id") ?? headerText(headers, "saga-id"),
    redrive: readRedrive(headers),
  };
}
