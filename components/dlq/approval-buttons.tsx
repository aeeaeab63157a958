"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { decideApprovalAction } from "@/app/dlq/approvals/actions";

type Props = {
  requestId: string;
  /** Another operator: may approve or reject. */
  canDecide: boolean;
  /** The requester: may only withdraw. The server checks both again. */
  isRequester: boolean;
};

/** Approve, reject (with a reason) or withdraw a four-eyes request; the page refreshes with the outcome. */
export function ApprovalButtons({ requestId, canDecide, isRequester }: Props) {
  const router = useRouter();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const decide = (decision: "approve" | "reject" | "withdraw") => {
    if (decision === "withdraw" && !window.confirm("Withdraw this request? Nothing will be done, and its messages are let go.")) return;
    startTransition(async () => {
      const result = await decideApprovalAction({ requestId, decision, reason: decision === "reject" ? reason : null });
      setProblem(result.ok ? null : result.error.message);
      if (result.ok) setRejecting(false);
      router.refresh();
    });
  };
  if (!canDecide && !isRequester) return null;
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="approval-buttons">
      <div className="flex flex-wrap items-center gap-2">
        {canDecide && (
          <>
            <button type="button" disabled={pending} onClick={() => decide("approve")} className="rounded bg-accent px-3 py-1 font-medium text-white disabled:opacity-60">Approve</button>
            <button type="button" disabled={pending} onClick={() => setRejecting(true)} className="rounded border border-bad/40 px-3 py-1 text-bad hover:bg-bad-soft disabled:opacity-60">Reject…</button>
          </>
        )}
        {isRequester && (
          <button type="button" disabled={pending} onClick={() => decide("withdraw")} className="rounded border border-border px-3 py-1 hover:bg-surface-2 disabled:opacity-60">Withdraw</button>
        )}
      </div>
      {rejecting && (
        <form onSubmit={(event) => { event.preventDefault(); decide("reject"); }} className="flex flex-col gap-2 rounded border border-border p-3">
          <label className="flex flex-col gap-1 text-xs text-muted">
            Why is it rejected? (the requester reads this; it is in the audit log)
            <textarea required minLength={3} maxLength={1_000} value={reason} onChange={(e) => setReason(e.target.value)} rows={2}
              className="rounded border border-border bg-surface px-2 py-1 text-sm text-fg" />
          </label>
          <div className="flex gap-2">
            <button type="submit" disabled={pending} className="rounded bg-bad px-3 py-1 font-medium text-white disabled:opacity-60">Reject</button>
            <button type="button" onClick={() => setRejecting(false)} className="text-muted hover:text-fg">Cancel</button>
          </div>
        </form>
      )}
      {problem && <p role="alert" className="text-bad">{problem}</p>}
    </div>
  );
}
