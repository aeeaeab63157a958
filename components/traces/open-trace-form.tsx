import { inputClass } from "./field";

/** Paste a trace id (from a log line or a DLQ message's traceparent) and go straight to it. */
export function OpenTraceForm() {
  return (
    <form method="get" action="/traces" className="flex items-center gap-1.5">
      <label htmlFor="open-trace-id" className="sr-only">Trace ID</label>
      <input id="open-trace-id" name="traceId" placeholder="Open trace by ID" spellCheck={false} className={`${inputClass} w-64 font-mono text-[13px]`} />
      <button type="submit" className="rounded-md border border-border bg-surface px-3 py-1 text-sm font-medium hover:bg-surface-2">Open</button>
    </form>
  );
}
