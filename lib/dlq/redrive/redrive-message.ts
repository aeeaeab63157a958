// Pure: no I/O.
// What a redrive sends for one DLQ message (DESIGN.md, "DLQ headers"): the key, the value and the business
// headers unchanged (event-id included, so consumers dedupe a redrive like any redelivery), the DLQ's error
// headers dropped, and Flowdeck's redrive headers added — the job, the item's id (how an in-doubt send is
// found in the target topic after a crash) and the count (the loop guard). traceparent is added by the
// sender from its own span.
import { businessHeaders, readRedrive, type RawHeaders } from "../decode";

export const DEFAULT_MAX_REDRIVES = 3;

export type DlqMessageForRedrive = { key: Buffer | null; value: Buffer | null; headers: RawHeaders };
export type RedriveMessage = { key: Buffer | null; value: Buffer | null; headers: Record<string, Buffer> };

export type RedriveRefusal = { reason: "LOOP_GUARD"; message: string };

/** How often the message was redriven before: the flowdeck.redrive.count it carries (0 if none). */
export function previousRedrives(headers: RawHeaders): number {
  return readRedrive(headers)?.count ?? 0;
}

/**
 * The message to produce, or a refusal when it was already redriven `maxRedrives` times and the operator
 * did not override the loop guard (a message that keeps failing would otherwise circle for ever).
 */
export function redriveMessage(
  message: DlqMessageForRedrive,
  redrive: { jobId: string; itemId: string; maxRedrives?: number; overrideLoopGuard?: boolean },
): RedriveMessage | RedriveRefusal {
  const before = previousRedrives(message.headers);
  const max = redrive.maxRedrives ?? DEFAULT_MAX_REDRIVES;
  if (before >= max && !redrive.overrideLoopGuard) {
    return { reason: "LOOP_GUARD", message: `already redriven ${before} time${before === 1 ? "" : "s"} (limit ${max}); override to send it again` };
  }
  return {
    key: message.key,
    value: message.value,
    headers: {
      ...businessHeaders(message.headers),
      "flowdeck.redrive.job": Buffer.from(redrive.jobId),
      "flowdeck.redrive.id": Buffer.from(redrive.itemId),
      "flowdeck.redrive.count": Buffer.from(String(before + 1)),
    },
  };
}

export function isRefusal(result: RedriveMessage | RedriveRefusal): result is RedriveRefusal {
  return "reason" in result;
}
