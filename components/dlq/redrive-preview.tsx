import type { RedrivePreviewMessage } from "@/lib/dlq";

/** The first messages of a redrive exactly as they will be sent: target, key, headers and value, all as text. */
export function RedrivePreview({ messages }: { messages: RedrivePreviewMessage[] }) {
  return (
    <section aria-label="Preview" data-testid="redrive-preview" className="flex flex-col gap-2">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-muted">Dry run · the first {messages.length} as they will be sent</h4>
      {messages.map((m) => (
        <div key={`${m.partition}:${m.offset}`} className="rounded border border-border p-2 text-xs">
          <p className="mb-1 font-mono">
            p{m.partition} · @{m.offset} → <span className="font-semibold">{m.targetTopic ?? "(no original topic)"}</span>
            {m.key !== null && <span className="text-muted"> · key {m.key}</span>}
          </p>
          {m.refusal ? <p className="text-warn">{m.refusal}</p> : (
            <>
              <table className="mb-1 w-full table-fixed" aria-label="Headers as sent">
                <tbody>
                  {m.headers.map((h, i) => (
                    <tr key={`${h.name}-${i}`} className="align-top">
                      <td className="w-2/5 pr-2 font-mono text-muted [overflow-wrap:anywhere]">{h.name}</td>
                      <td className="font-mono [overflow-wrap:anywhere]">{h.value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <pre className="max-h-32 overflow-auto rounded bg-surface-2 p-1 font-mono whitespace-pre-wrap [overflow-wrap:anywhere]">{m.value ?? "(no value: a tombstone)"}</pre>
            </>
          )}
        </div>
      ))}
    </section>
  );
}
