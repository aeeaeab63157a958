import Link from "next/link";

/** Nothing was ever recorded: say what will appear here, rather than just "no results". */
export function NoAuditEventsYet() {
  return (
    <div data-testid="audit-empty" className="max-w-3xl rounded-lg border border-dashed border-border bg-surface px-5 py-4 text-sm">
      <h2 className="text-base font-semibold">Nothing recorded yet</h2>
      <p className="mt-1">
        Every redrive, discard and redrive control (pause, resume, cancel) is recorded here with who did it,
        to what, and how it turned out, including attempts that were refused or failed. Open a dead-letter
        queue under <Link href="/dlq" className="text-accent underline underline-offset-2">DLQ</Link> to act on messages.
      </p>
      <p className="mt-2 text-muted">
        The trail is append-only: nobody can change or remove an event; only retention removes events
        older than FLOWDECK_AUDIT_RETENTION (400 days by default).
      </p>
    </div>
  );
}
