import type { ApprovalRequestView } from "@/lib/dlq";
import { ApprovalButtons } from "./approval-buttons";
import { ApprovalRequestSummary } from "./approval-request-summary";

type Props = { requests: ApprovalRequestView[]; viewerId: string; viewerIsOperator: boolean };

/** Discards of this DLQ topic waiting for a second operator (four-eyes rule), each with its decision buttons. */
export function DiscardRequests({ requests, viewerId, viewerIsOperator }: Props) {
  if (requests.length === 0) return null;
  return (
    <section aria-labelledby="discard-requests-heading" data-testid="discard-requests" className="mb-4 rounded-lg border border-warn/40 bg-warn-soft px-4 py-3">
      <h2 id="discard-requests-heading" className="mb-2 text-sm font-medium">Discards awaiting approval from a second operator</h2>
      <ul className="flex flex-col gap-3">
        {requests.map((request) => {
          const isRequester = request.requestedById === viewerId;
          return (
            <li key={request.id} data-testid="discard-request" className="flex flex-col gap-1 border-t border-warn/30 pt-2 first:border-t-0 first:pt-0">
              <p className="text-sm">
                Discard <strong>{request.count.toLocaleString("en-US")}</strong> messages: {request.selection}
                {request.reason && <> — reason: “{request.reason}”</>}
              </p>
              <ApprovalRequestSummary request={request} />
              <ApprovalButtons requestId={request.id} canDecide={viewerIsOperator && !isRequester} isRequester={viewerIsOperator && isRequester} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
