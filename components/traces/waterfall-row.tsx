"use client";

import type { CSSProperties } from "react";
import { formatDurationUs } from "./format";
import { MessagingLabel, messagingText } from "./messaging-label";
import { serviceColor } from "./service-color";
import type { WaterfallRow as Row } from "./waterfall-model";

export const ROW_HEIGHT = 40;
/** The name column and the timeline, shared with the header so the ticks line up with the bars. */
export const COLUMNS = "grid-cols-[minmax(0,45%)_minmax(0,1fr)]";
/** The timeline's share of the row's width (what COLUMNS leaves it). */
export const TRACK_SHARE = 0.55;
const INDENT_PX = 12;
const MAX_INDENT_LEVELS = 24;
// Faint lines at each quarter of the trace, lining up with the ticks in the header.
export const GRIDLINES: CSSProperties = { backgroundImage: "linear-gradient(to right, var(--border) 1px, transparent 1px)", backgroundSize: "25% 100%" };

type Props = {
  row: Row;
  /** The timeline's width in pixels, to decide where the bar's label fits. */
  trackPx: number;
  service: string;
  totalUs: number;
  selected: boolean;
  collapsed: boolean;
  index: number;
  style: CSSProperties;
  onSelect: (spanId: string) => void;
  onToggle: (spanId: string) => void;
};

// Rough text widths of the 12px label and the 11px monospace hop, to place them without measuring the DOM.
const LABEL_CHAR_PX = 7;
const HOP_CHAR_PX = 6.8;

/** Beside the bar where the label fits (after it, else before it), else over the bar's end. */
function labelPlacement(row: Row, left: number, width: number, trackPx: number): "right" | "left" | "over" {
  const text = formatDurationUs(row.durationUs) + (row.error ? " · error" : "");
  const needed = text.length * LABEL_CHAR_PX + 10 + (row.messaging ? messagingText(row.messaging).length * HOP_CHAR_PX + 30 : 0);
  if ((trackPx * (100 - left - width)) / 100 >= needed) return "right";
  if ((trackPx * left) / 100 >= needed) return "left";
  return "over";
}

/** One span: name, service and Kafka hop on the left; its bar on the trace's timeline on the right. */
export function WaterfallRow({ row, trackPx, service, totalUs, selected, collapsed, index, style, onSelect, onToggle }: Props) {
  const left = totalUs > 0 ? (row.startUs / totalUs) * 100 : 0;
  const width = totalUs > 0 ? (row.durationUs / totalUs) * 100 : 100;
  const placement = labelPlacement(row, left, width, trackPx);
  const indent = 6 + Math.min(row.depth, MAX_INDENT_LEVELS) * INDENT_PX;
  return (
    <div
      role="row"
      aria-rowindex={index + 1}
      aria-selected={selected}
      data-testid="span-row"
      data-span-id={row.spanId}
      onClick={() => onSelect(row.spanId)}
      style={style}
      className={`absolute top-0 left-0 grid w-full cursor-pointer ${COLUMNS} border-b border-border/60 text-sm ${
        selected ? "bg-accent-soft" : "hover:bg-surface-2"
      }`}
    >
      <div role="rowheader" className="flex min-w-0 items-center gap-1 border-r border-border pr-2" style={{ paddingLeft: indent }}>
        {row.childCount > 0 ? (
          <button
            type="button"
            aria-label={`${collapsed ? "Expand" : "Collapse"} ${row.name} (${String(row.childCount)} child spans)`}
            aria-expanded={!collapsed}
            onClick={(event) => {
              event.stopPropagation();
              onToggle(row.spanId);
            }}
            className="flex size-5 shrink-0 items-center justify-center rounded text-xs text-muted hover:bg-border hover:text-fg"
          >
            <span aria-hidden="true">{collapsed ? "▸" : "▾"}</span>
          </button>
        ) : (
          <span aria-hidden="true" className="w-5 shrink-0" />
        )}
        <span aria-hidden="true" className="h-7 w-1 shrink-0 rounded-full" style={{ backgroundColor: serviceColor(service) }} />
        <div className="flex min-w-0 flex-1 flex-col justify-center leading-tight">
          <span className="flex min-w-0 items-center gap-1">
            {row.error && (
              <span className="shrink-0 font-semibold text-bad" title="This span's status is error">
                <span aria-hidden="true">⚠</span>
                <span className="sr-only">Error:</span>
              </span>
            )}
            <button
              type="button"
              aria-pressed={selected}
              onClick={(event) => {
                event.stopPropagation();
                onSelect(row.spanId);
              }}
              title={row.name}
              className={`min-w-0 truncate text-left font-medium ${row.error ? "text-bad" : ""}`}
            >
              {row.name}
            </button>
            {row.depth > MAX_INDENT_LEVELS && <span className="shrink-0 text-[10px] text-faint" title="Nesting depth">L{row.depth}</span>}
          </span>
          <span className="flex min-w-0 items-center gap-1.5 text-xs text-muted">
            <span className="min-w-0 truncate" title={service}>{service}</span>
            {row.orphan && (
              <span className="shrink-0 rounded bg-warn-soft px-1 text-[11px] leading-4 text-warn" title={`Its parent span ${row.parentSpanId ?? ""} is not in this trace`}>
                parent not received
              </span>
            )}
          </span>
        </div>
      </div>
      <div role="cell" className="relative mx-2 min-w-0 overflow-hidden" style={GRIDLINES}>
        <span
          aria-hidden="true"
          className={`absolute top-1/2 h-3 -translate-y-1/2 rounded-sm ${row.error ? "ring-2 ring-bad ring-offset-1 ring-offset-surface" : ""}`}
          style={{ left: `${String(left)}%`, width: `max(2px, ${String(width)}%)`, backgroundColor: serviceColor(service) }}
        />
        <span
          className={`absolute top-1/2 flex -translate-y-1/2 items-center gap-1.5 text-xs whitespace-nowrap text-muted tabular-nums ${
            placement === "left" ? "flex-row-reverse" : placement === "over" ? "rounded bg-surface/90 px-1" : ""
          }`}
          style={
            placement === "left" ? { right: `calc(${String(100 - left)}% + 6px)` }
              : placement === "right" ? { left: `calc(${String(left + width)}% + 6px)` }
              : { right: 0 }
          }
        >
          <span className={row.error ? "font-medium text-bad" : ""}>
            {formatDurationUs(row.durationUs)}
            {row.error && " · error"}
          </span>
          {/* The Kafka hop sits by the bar, where there is room for topic, partition and offset in full. */}
          {row.messaging && <MessagingLabel hop={row.messaging} />}
        </span>
      </div>
    </div>
  );
}
