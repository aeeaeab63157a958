import { sparklinePath } from "./sparkline-path";

const WIDTH = 120;
const HEIGHT = 24;

/** A one-hour trend drawn inline as SVG (no chart library on this page); the label says it in words. */
export function Sparkline({ counts, label, tone }: { counts: number[]; label: string; tone: "bad" | "muted" }) {
  return (
    <svg role="img" aria-label={label} width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} data-testid="sparkline" className="shrink-0 overflow-visible">
      <title>{label}</title>
      <line x1="0" y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} className="stroke-border" strokeWidth="1" />
      <path d={sparklinePath(counts, WIDTH, HEIGHT)} fill="none" strokeWidth="1.5" strokeLinejoin="round" className={tone === "bad" ? "stroke-bad" : "stroke-muted"} />
    </svg>
  );
}
