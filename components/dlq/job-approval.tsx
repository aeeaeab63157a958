import type { ApprovalRequestView } from "@/lib/dlq";
import { ApprovalButtons } from "./approval-buttons";
import { ApprovalRequestSummary } from "./approval-request-summary";

type Props = { request: ApprovalRequestView; viewer: { canDecide: boolean; isRequester: boolean } };

/** A redrive job's four-eyes request: waiting (with the decision buttons), or how it was settled. */
export function JobApproval({ request, viewer }: Props) {
  const awaiting = request.status === "awaiting";
  return (
    <section aria-label="Approval" data-testid="job-approval"
      className={`mb-4 flex flex-col gap-2 rounded-lg border px-4 py-3 ${awaiting ? "border-warn/40 bg-warn-soft" : "border-border"}`}>
      {awaiting
        ? <p role="status" className="font-medium">Awaiting approval from a second operator: nothing is sent until then.</p>
        : <p className="text-sm font-medium">Four-eyes request {request.status}</p>}
      <ApprovalRequestSummary request={request} />
      {awaiting && viewer.isRequester && <p className="text-sm">You asked for it, so another operator must approve it; you can withdraw it.</p>}
      {awaiting && <ApprovalButtons requestId={request.id} canDecide={viewer.canDecide} isRequester={viewer.isRequester} />}
    </section>
  );
}
