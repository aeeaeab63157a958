import Link from "next/link";
import type { DlqMessageDetail, DlqPayload, MessageCorrelation } from "@/lib/dlq";
import { Badge } from "@/components/ui/badge";
import { ProjectionLagNote } from "@/components/projection-lag-note";
import { MaskedBadge } from "./masked-badge";

type Props = {
  message: DlqMessageDetail;
  correlation: MessageCorrelation;
  payload: { ok: true; value: DlqPayload } | { ok: false; reason: string };
  downloadHref: string;
  closeHref: string;
  /** What an operator may do with it (redrive, discard). */
  actions?: React.ReactNode;
  /** How far sagas and breakers lag the spans received. */
  projectionLagSeconds: number;
};

const FORMAT_NOTE: Record<string, string> = {
  "schema-registry": "Schema Registry framing (magic byte and schema id), then Avro, Protobuf or JSON Schema bytes: shown raw, as hex.",
  binary: "Not UTF-8 text: shown as hex.",
};

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-2 py-0.5 text-xs">
      <dt className="text-muted">{label}</dt>
      <dd className="font-mono [overflow-wrap:anywhere]">{children ?? <span className="text-muted">—</span>}</dd>
    </div>
  );
}

/** One dead-lettered message: why it failed, its payload, its headers and where it came from. All of it rendered as text. */
export function MessageDrawer({ message: m, correlation, payload, downloadHref, closeHref, actions, projectionLagSeconds }: Props) {
  return (
    <aside aria-label="Message" data-testid="dlq-message-drawer" className="flex flex-col gap-4 rounded-lg border border-border bg-surface p-4">
      <div className="flex items-start justify-between gap-2">
        <h3 className="text-sm font-semibold">Message p{m.partition} · @{m.offset}</h3>
        <Link href={closeHref} scroll={false} className="text-xs text-muted hover:text-fg">Close</Link>
      </div>
      {actions}
      {m.maskingRules && (
        <p data-testid="dlq-masking-note" className="rounded border border-border bg-surface-2 px-2 py-1 text-xs text-muted">
          Masking rules apply to this topic for viewers ({m.maskingRules.join(", ")}): the values they hide show as ••••.
        </p>
      )}
      <section aria-label="Failure">
        <p className="mb-1 font-mono text-sm text-bad [overflow-wrap:anywhere]">{m.errorType === "" ? "(no error type)" : m.errorType} <MaskedBadge rules={m.masked.errorType} /></p>
        {m.errorMessage && <p className="mb-2 text-sm [overflow-wrap:anywhere]" data-testid="dlq-error-message">{m.errorMessage} <MaskedBadge rules={m.masked.errorMessage} /></p>}
        <dl>
          <Field label="Time (UTC)">{m.timestamp.toISOString()}</Field>
          <Field label="Status"><Badge tone={m.status === "pending" ? "bad" : "neutral"}>{m.status}</Badge></Field>
          {m.disposition && (
            <Field label={m.disposition.kind === "redriven" ? "Redriven" : "Discarded"}>
              <span data-testid="dlq-disposition">by {m.disposition.actor} at {m.disposition.at.toISOString().slice(0, 19).replace("T", " ")}: {m.disposition.reason}</span>
            </Field>
          )}
          <Field label="Key">{m.keyText ?? (m.keyHex ? `0x${m.keyHex}` : null)}</Field>
          <Field label="Original">
            {m.originalTopic ? [m.originalTopic, m.originalPartition === null ? null : `p${m.originalPartition}`, m.originalOffset === null ? null : `@${m.originalOffset}`].filter(Boolean).join(" · ") : null}
            <MaskedBadge rules={m.masked.originalTopic} />
          </Field>
          <Field label="Consumer group">{m.consumerGroup} <MaskedBadge rules={m.masked.consumerGroup} /></Field>
          <Field label="Attempts">{m.attempts}</Field>
          <Field label="Failed at">{m.failedAt?.toISOString()}</Field>
          <Field label="Event id">{m.eventId} <MaskedBadge rules={m.masked.eventId} /></Field>
          <Field label="Redriven before">{m.redriveCount > 0 ? `${m.redriveCount} time(s)` : "never"}</Field>
        </dl>
      </section>
      <section aria-label="Correlation" data-testid="dlq-correlation">
        <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-muted">Where it came from</h4>
        <ProjectionLagNote seconds={projectionLagSeconds} what="Its saga and the breaker states" />
        <dl>
          <Field label="Trace">
            {m.traceId === null ? null : correlation.traceStored
              ? <Link href={`/traces/${m.traceId}`} className="text-accent hover:underline">{m.traceId}</Link>
              : <span title="Flowdeck has not received this trace's spans">{m.traceId} (not in the trace store)</span>}
          </Field>
          <Field label="Saga">
            {correlation.saga ? `${correlation.saga.name} ${correlation.saga.key ?? ""} · ${correlation.saga.status}${correlation.saga.currentStep ? ` · at ${correlation.saga.currentStep}` : ""}` : m.sagaId}
            <MaskedBadge rules={m.masked.sagaId} />
          </Field>
        </dl>
        {correlation.breakers.length > 0 && (
          <ul className="mt-1 flex flex-col gap-0.5 text-xs" aria-label="Breakers when it failed">
            {correlation.breakers.map((b) => (
              <li key={`${b.service}/${b.breaker}`} className="flex items-center gap-2">
                <Badge tone={b.state === "closed" ? "ok" : b.state === "open" ? "bad" : "warn"}>{b.state}</Badge>
                <span className="font-mono">{b.service} / {b.breaker}</span>
                <span className="text-muted">since {b.since.toISOString().slice(11, 19)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Payload">
        <div className="mb-1 flex items-center justify-between">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-muted">Payload · {m.size.toLocaleString("en-US")} bytes · {m.format}{m.schemaId !== null ? ` · schema ${m.schemaId}` : ""}</h4>
          <a href={downloadHref} className="text-xs text-accent hover:underline">Download</a>
        </div>
        {!payload.ok ? <p role="alert" className="text-sm text-warn">{payload.reason}</p> : (
          <>
            {FORMAT_NOTE[payload.value.formatted?.format ?? ""] && <p className="mb-1 text-xs text-muted">{FORMAT_NOTE[payload.value.formatted?.format ?? ""]}</p>}
            {payload.value.formatted?.truncated && <p className="mb-1 text-xs text-muted">Showing the first 256 KB; download the whole payload.</p>}
            {payload.value.masking && payload.value.masking.maskedBy.length > 0 && (
              <p data-testid="dlq-payload-masked" className="mb-1 flex flex-wrap items-center gap-2 text-xs text-muted">
                <MaskedBadge rules={payload.value.masking.maskedBy} />
                {payload.value.masking.hiddenWhole ? `Hidden whole: ${payload.value.masking.hiddenWhole}.` : "Values the rules hide show as ••••, here and in the download."}
              </p>
            )}
            <pre data-testid="dlq-payload" className="max-h-96 overflow-auto rounded bg-surface-2 p-2 font-mono text-xs whitespace-pre-wrap [overflow-wrap:anywhere]">
              {payload.value.formatted === null ? "(no value: a tombstone)" : payload.value.formatted.text}
            </pre>
          </>
        )}
      </section>
      <section aria-label="Headers">
        <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-muted">Headers · {m.headers.length}</h4>
        <table className="w-full table-fixed text-xs" aria-label="Headers">
          <tbody>
            {m.headers.map((h, i) => (
              <tr key={`${h.name}-${i}`} className="border-t border-border align-top">
                <td className="w-2/5 py-0.5 pr-2 font-mono [overflow-wrap:anywhere]">{h.name}</td>
                <td className="py-0.5 font-mono [overflow-wrap:anywhere]">{h.binary ? <span title="binary, shown as hex">{h.value}</span> : h.value} <MaskedBadge rules={h.maskedBy} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </aside>
  );
}
