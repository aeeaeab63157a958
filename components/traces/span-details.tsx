"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { SpanDetail } from "@/lib/traces/queries/span-detail";
import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/time/time";
import { AttributeTable } from "./attribute-table";
import { formatDurationUs } from "./format";
import { MessagingLabel } from "./messaging-label";
import { ServiceName } from "./service-name";
import { spanKindName, statusName } from "./span-kind";
import type { WaterfallRow } from "./waterfall-model";

function Section({ title, count, children }: { title: string; count?: number; children: ReactNode }) {
  return (
    <section className="border-t border-border px-4 py-3">
      <h3 className="mb-1.5 text-xs font-semibold tracking-wide text-muted uppercase">
        {title}
        {count !== undefined && <span className="ml-1.5 font-normal tabular-nums">{count}</span>}
      </h3>
      {children}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[6.5rem_minmax(0,1fr)] gap-2">
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0 wrap-anywhere">{children}</dd>
    </div>
  );
}

/** Everything about the selected span; `row` (from the waterfall) places it within the trace. */
export function SpanDetails({ detail, row, onSelect }: { detail: SpanDetail; row: WaterfallRow | undefined; onSelect: (spanId: string) => void }) {
  const status = statusName(detail.statusCode);
  return (
    <div data-testid="span-details" className="text-sm">
      <header className="px-4 py-3">
        <h2 className="text-base font-semibold wrap-anywhere">{detail.name}</h2>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <ServiceName name={detail.serviceName} />
          <Badge tone={status === "Error" ? "bad" : status === "OK" ? "ok" : "neutral"} testId="span-status">
            {status === "Error" && <span aria-hidden="true" className="mr-1">⚠</span>}
            {status}
          </Badge>
          <Badge tone="neutral">{spanKindName(detail.kind)}</Badge>
        </div>
        {detail.statusMessage && <p className="mt-2 rounded-md bg-bad-soft px-2 py-1 text-bad wrap-anywhere">{detail.statusMessage}</p>}
      </header>
      <Section title="Span">
        <dl className="flex flex-col gap-1">
          <Fact label="Start">
            <Time value={detail.startTime} />
          </Fact>
          {row && <Fact label="Offset"><span className="tabular-nums">+{formatDurationUs(row.startUs)} from trace start</span></Fact>}
          <Fact label="Duration"><span className="tabular-nums">{formatDurationUs(detail.durationUs)}</span></Fact>
          {row?.messaging && <Fact label="Kafka"><MessagingLabel hop={row.messaging} /></Fact>}
          <Fact label="Span ID"><code className="font-mono text-xs">{detail.spanId}</code></Fact>
          <Fact label="Parent">
            {detail.parentSpanId === null ? (
              <span className="text-muted">none (root)</span>
            ) : row?.orphan ? (
              <span><code className="font-mono text-xs">{detail.parentSpanId}</code> <span className="text-warn">not received</span></span>
            ) : (
              <button type="button" onClick={() => onSelect(detail.parentSpanId ?? "")} className="font-mono text-xs text-accent underline underline-offset-2">
                {detail.parentSpanId}
              </button>
            )}
          </Fact>
          {detail.scopeName && <Fact label="Scope"><span className="font-mono text-xs">{detail.scopeName}</span></Fact>}
        </dl>
      </Section>
      <Section title="Attributes" count={detail.attributes.length}>
        <AttributeTable entries={detail.attributes} label="Span attributes" />
      </Section>
      <Section title="Events" count={detail.events.length}>
        {detail.events.length === 0 ? (
          <p className="text-xs text-faint">None.</p>
        ) : (
          <ol className="flex flex-col gap-2">
            {detail.events.map((event, i) => (
              <li key={`${String(i)}-${event.name}`}>
                <p className="flex flex-wrap items-baseline gap-x-2">
                  <span className="font-mono text-xs text-muted tabular-nums" title={event.time}>+{formatDurationUs(event.offsetUs)}</span>
                  <span className={`font-medium wrap-anywhere ${event.name === "exception" ? "text-bad" : ""}`}>{event.name}</span>
                </p>
                {event.attributes.length > 0 && (
                  <div className="mt-1 ml-2 border-l-2 border-border pl-2">
                    <AttributeTable entries={event.attributes} label={`Attributes of event ${event.name}`} />
                  </div>
                )}
              </li>
            ))}
          </ol>
        )}
      </Section>
      <Section title="Links" count={detail.links.length}>
        {detail.links.length === 0 ? (
          <p className="text-xs text-faint">None.</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {detail.links.map((link) => (
              <li key={`${link.traceId}-${link.spanId}`}>
                <Link href={`/traces/${link.traceId}?span=${link.spanId}`} className="font-mono text-xs text-accent underline underline-offset-2 wrap-anywhere">
                  {link.traceId} / {link.spanId}
                </Link>
                {link.attributes.length > 0 && (
                  <div className="mt-1">
                    <AttributeTable entries={link.attributes} label="Link attributes" />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Resource" count={detail.resourceAttributes.length}>
        <AttributeTable entries={detail.resourceAttributes} label="Resource attributes" />
      </Section>
    </div>
  );
}
