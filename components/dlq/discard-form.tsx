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
};

/** Discard with a required reason; the result (or why it failed) is said in words, then the page refreshes. */
export function DiscardForm({ cluster, topic, selection, label, testId, onDone }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<{ tone: "ok" | "bad"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (event: React.SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await discardAction({ cluster, topic, reason, selection });
      if (result.ok) {
        const { discarded, requested } = result.data;
        const skipped = requested === null ? "" : requested - discarded > 0 ? ` (${requested - discarded} were no longer pending)` : "";
        const text = `Discarded ${discarded.toLocaleString("en-US")} message${discarded === 1 ? "" : "s"}${skipped}.`;
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
          <div className="flex gap-2">
            <button type="submit" disabled={pending} className="rounded bg-bad px-3 py-1 text-sm font-medium text-white disabled:opacity-60">{pending ? "Discarding…" : label}</button>
            <button type="button" onClick={() => setOpen(false)} className="text-muted hover:text-fg">Cancel</button>
          </div>
        </form>
      )}
      {message && <p role={message.tone === "bad" ? "alert" : "status"} className={`mt-1 ${message.tone === "bad" ? "text-bad" : "text-ok"}`}>{message.text}</p>}
    </div>
  );
}
