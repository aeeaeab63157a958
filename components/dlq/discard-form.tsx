"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { discardAction, type DiscardInput } from "@/app/dlq/[cluster]/[topic]/actions";

type Props = {
  cluster: string;
  topic: string;
  selection: DiscardInput["selection"];
  /** What the button says, e.g. "Discard this message" or "Discard all 1,204 matching". */
  label: string;
  testId: string;
  /** Told the outcome when the form goes away with its selection (the ticked rows are gone once discarded). */
  onDone?: (message: string) => void;
  /** How many messages the operator is shown; a discard held for approval must cover exactly these. */
  count?: number | null;
  /** Above this many the discard waits for a second operator (four-eyes rule); null: the rule is off. */
  approvalAbove?: number | null;
};

const n = (value: number) => value.toLocaleString("en-US");
const utc = (iso: string) => `${iso.replace("T", " ").slice(0, 19)} UTC`;

/** Discard with a required reason; the result (or why it failed) is said in words, then the page refreshes. */
export function DiscardForm({ cluster, topic, selection, label, testId, onDone, count = null, approvalAbove = null }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<{ tone: "ok" | "bad"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const needsApproval = approvalAbove !== null && count !== null && count > approvalAbove;

  const submit = (event: React.SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    startTransition(async () => {
      // Ticked rows may include messages no longer pending: only a filter's count is the one to confirm.
      const result = await discardAction({ cluster, topic, reason, selection, confirmedCount: selection.kind === "filter" ? count : null });
      if (result.ok) {
        const text = result.data.kind === "awaiting"
          ? `Nothing discarded yet: ${n(result.data.count)} messages need a second operator's approval (listed on this page until ${utc(result.data.expiresAt)}).`
          : discardedText(result.data.discarded, result.data.requested);
        setMessage({ tone: "ok", text });
        onDone?.(text);
        setOpen(false);
        setReason("");
        router.refresh();
      } else {
        setMessage({ tone: "bad", text: result.error.message });
      }
    });
  };

  return (
    <div data-testid={testId} className="text-sm">
      {!open && <button type="button" onClick={() => setOpen(true)} className="rounded border border-border px-2 py-1 hover:bg-surface-2">{label}…</button>}
      {open && (
        <form onSubmit={submit} className="flex flex-col gap-2 rounded border border-border p-3">
          <label className="flex flex-col gap-1 text-xs text-muted">
            Reason (recorded with each message and in the audit log)
            <textarea required minLength={3} maxLength={1_000} value={reason} onChange={(e) => setReason(e.target.value)} rows={2}
              className="rounded border border-border bg-surface px-2 py-1 text-sm text-fg" />
          </label>
          {needsApproval && <p className="text-xs text-warn">More than {n(approvalAbove)} messages: a second operator must approve this discard before it happens.</p>}
          <div className="flex gap-2">
            <button type="submit" disabled={pending} className="rounded bg-bad px-3 py-1 text-sm font-medium text-white disabled:opacity-60">{pending ? "Discarding…" : needsApproval ? "Ask for approval" : label}</button>
            <button type="button" onClick={() => setOpen(false)} className="text-muted hover:text-fg">Cancel</button>
          </div>
        </form>
      )}
      {message && <p role={message.tone === "bad" ? "alert" : "status"} className={`mt-1 ${message.tone === "bad" ? "text-bad" : "text-ok"}`}>{message.text}</p>}
    </div>
  );
}

function discardedText(discarded: number, requested: number | null): string {
  const skipped = requested === null ? "" : requested - discarded > 0 ? ` (${requested - discarded} were no longer pending)` : "";
  return `Discarded ${n(discarded)} message${discarded === 1 ? "" : "s"}${skipped}.`;
}
