import type { ApprovalRequestView } from "@/lib/dlq";

const utc = (at: Date) => `${at.toISOString().replace("T", " ").slice(0, 19)} UTC`;

/** Who asked, when, until when, and — once settled — who decided what. */
export function ApprovalRequestSummary({ request }: { request: ApprovalRequestView }) {
  return (
    <p className="text-sm text-muted">
      Requested by <strong className="text-fg">{request.requestedBy}</strong> at {utc(request.requestedAt)}
      {request.status === "awaiting" && <> · expires at {utc(request.expiresAt)} without a decision</>}
      {request.status === "approved" && request.decidedBy && <> · approved by <strong className="text-fg">{request.decidedBy}</strong>{request.decidedAt && ` at ${utc(request.decidedAt)}`}</>}
      {request.status === "rejected" && request.decidedBy && (
        <> · rejected by <strong className="text-fg">{request.decidedBy}</strong>{request.decidedAt && ` at ${utc(request.decidedAt)}`}{request.decisionReason && <>: “{request.decisionReason}”</>}</>
      )}
      {request.status === "withdrawn" && <> · withdrawn by the requester{request.decidedAt && ` at ${utc(request.decidedAt)}`}</>}
      {request.status === "expired" && <> · expired at {utc(request.expiresAt)} without a decision</>}
    </p>
  );
}
