"use client";

/** What an error boundary shows: a plain sentence, the digest to find the server log line, and a retry. */
export function ErrorPanel({ title, error, retry }: { title: string; error: unknown; retry: () => void }) {
  // Server errors reach the browser as a generic message plus a digest; the details stay in the server log.
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <div role="alert" className="max-w-2xl rounded-lg border border-bad/40 bg-bad-soft px-5 py-4 text-sm">
      <h2 className="text-base font-semibold text-bad">{title}</h2>
      <p className="mt-1">
        Something failed on the server while building this view. Trying again often helps; if it keeps failing, the
        server log has the details.
      </p>
      {digest && (
        <p className="mt-1 text-muted">
          Reference for the server log: <code className="font-mono">{digest}</code>
        </p>
      )}
      <button
        type="button"
        onClick={retry}
        className="mt-3 rounded-md border border-border bg-surface px-3 py-1.5 font-medium hover:bg-surface-2"
      >
        Try again
      </button>
    </div>
  );
}
