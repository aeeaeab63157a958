"use client";

import { useLayoutEffect, useRef, useState, type ReactNode } from "react";

/** Below this the map's text is too small to read: it scrolls instead. */
const MIN_SCALE = 0.6;

/**
 * Shrinks the server-drawn map to the width it is given (never enlarges it), so a wide graph fits beside the
 * panel. The scale depends only on the widths, so a live refresh of the same graph keeps it.
 */
export function FitToWidth({ width, height, children }: { width: number; height: number; children: ReactNode }) {
  const outer = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(1);
  useLayoutEffect(() => {
    const element = outer.current;
    if (!element) return;
    const fit = () => setScale(Math.max(MIN_SCALE, Math.min(1, element.clientWidth / width)));
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, [width]);
  return (
    <div ref={outer} className="overflow-auto">
      <div style={{ width: width * scale, height: height * scale }}>
        <div className="relative origin-top-left" style={{ width, height, transform: scale === 1 ? undefined : `scale(${scale})` }}>
          {children}
        </div>
      </div>
    </div>
  );
}
