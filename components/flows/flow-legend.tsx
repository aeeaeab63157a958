import { HEALTH_COLOR, edgeWidth } from "@/lib/flows/graph/scales";

const RATES = [0.1, 10, 1000];
const COLOURS = [
  { health: "ok", text: "no errors" },
  { health: "warn", text: "some errors" },
  { health: "bad", text: "≥ 5% errors" },
] as const;

/** How to read the edges: width is the message rate, colour the share of failed messages. */
export function FlowLegend() {
  return (
    <div className="flex flex-wrap items-center gap-x-5 gap-y-1 text-xs text-muted" aria-label="Legend">
      <span className="flex items-center gap-2">
        Rate
        {RATES.map((rate) => (
          <span key={rate} className="flex items-center gap-1">
            <svg width="22" height="12" aria-hidden="true"><line x1="0" y1="6" x2="22" y2="6" stroke="var(--muted)" strokeWidth={edgeWidth(rate)} /></svg>
            {rate < 1 ? `${rate}/s` : `${rate.toLocaleString("en-US")}/s`}
          </span>
        ))}
      </span>
      <span className="flex items-center gap-2">
        {COLOURS.map((c) => (
          <span key={c.health} className="flex items-center gap-1">
            <svg width="18" height="12" aria-hidden="true"><line x1="0" y1="6" x2="18" y2="6" stroke={HEALTH_COLOR[c.health]} strokeWidth={3} /></svg>
            {c.text}
          </span>
        ))}
        <span className="flex items-center gap-1">
          <svg width="18" height="12" aria-hidden="true"><line x1="0" y1="6" x2="18" y2="6" stroke={HEALTH_COLOR.bad} strokeWidth={2} strokeDasharray="4 3" /></svg>
          to a DLQ
        </span>
      </span>
    </div>
  );
}
