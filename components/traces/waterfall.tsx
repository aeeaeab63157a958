"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { formatDurationUs } from "./format";
import { COLUMNS, GRIDLINES, ROW_HEIGHT, TRACK_SHARE, WaterfallRow } from "./waterfall-row";
import { visibleRows, type WaterfallModel } from "./waterfall-model";

// The end is in the trace summary; a label there would collide with the 75% one on narrow screens.
const TICKS = [0, 0.25, 0.5, 0.75];

type Props = { model: WaterfallModel; selected: string | null; onSelect: (spanId: string) => void };

/** The timeline column's width in pixels, kept up to date as the window resizes. */
function useTrackWidth(ref: RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(TRACK_SHARE * 1000);
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth * TRACK_SHARE - 16));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * The spans of a trace as a virtualised list: only the rows in view are in the DOM, so a trace of
 * thousands of spans scrolls like a short one. Arrow keys move the selection.
 */
export function Waterfall({ model, selected, onSelect }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const rows = useMemo(() => visibleRows(model.rows, collapsed), [model.rows, collapsed]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to re-render on scroll; nothing here memoises its output.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Rendered on the server too, so the first rows show before hydration.
    initialRect: { width: 1000, height: 640 },
  });

  const trackPx = useTrackWidth(scrollRef);
  const selectedIndex = selected === null ? -1 : rows.findIndex((r) => r.spanId === selected);
  const initialIndex = useRef(selectedIndex);
  useEffect(() => {
    // A pasted link with ?span= opens scrolled to that span.
    if (initialIndex.current > 0) virtualizer.scrollToIndex(initialIndex.current, { align: "center" });
  }, [virtualizer]);

  const toggle = (spanId: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (!next.delete(spanId)) next.add(spanId);
      return next;
    });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const next = Math.min(rows.length - 1, Math.max(0, selectedIndex + (event.key === "ArrowDown" ? 1 : -1)));
    const row = rows[next];
    if (row) {
      onSelect(row.spanId);
      virtualizer.scrollToIndex(next);
    }
  };

  return (
    <div className="flex min-w-0 flex-col overflow-hidden rounded-lg border border-border bg-surface">
      <div className={`grid ${COLUMNS} border-b border-border bg-surface-2 text-xs font-medium text-muted`}>
        <div className="border-r border-border px-3 py-1.5">
          Span <span className="font-normal text-faint">· service</span>
        </div>
        <div className="relative mx-2 h-full" style={GRIDLINES}>
          {TICKS.map((tick) => (
            <span
              key={tick}
              className="absolute top-1/2 -translate-y-1/2 px-1 tabular-nums"
              style={{ left: `${String(tick * 100)}%` }}
            >
              {tick === 0 ? "0" : formatDurationUs(model.totalUs * tick)}
            </span>
          ))}
        </div>
      </div>
      <div
        ref={scrollRef}
        role="table"
        aria-label="Spans of this trace"
        aria-rowcount={rows.length}
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="waterfall"
        className="h-[calc(100dvh-15rem)] min-h-72 overflow-auto focus-visible:outline-offset-[-2px]"
      >
        <div role="rowgroup" className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (row === undefined) return null;
            return (
              <WaterfallRow
                key={row.spanId}
                row={row}
                trackPx={trackPx}
                index={item.index}
                service={model.services[row.service] ?? ""}
                totalUs={model.totalUs}
                selected={row.spanId === selected}
                collapsed={collapsed.has(row.spanId)}
                style={{ height: item.size, transform: `translateY(${String(item.start)}px)` }}
                onSelect={onSelect}
                onToggle={toggle}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
