// A tiny inline chart drawn as SVG on the server: no client JavaScript, so a board of hundreds of rows
// stays light. Every series shares one vertical scale (the largest value of any), so they compare.

export type SparklineSeries = { values: readonly number[]; className: string; label: string; fill?: boolean };

function pathOf(values: readonly number[], width: number, height: number, max: number): string {
  if (values.length === 0) return "";
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  return values.map((v, i) => `${i === 0 ? "M" : "L"}${(i * step).toFixed(1)},${(height - (max > 0 ? (v / max) * (height - 1) : 0) - 0.5).toFixed(1)}`).join("");
}

/** `title` is the accessible name (and tooltip) saying in words what the lines show. */
export function Sparkline({ series, title, width = 120, height = 24 }: { series: readonly SparklineSeries[]; title: string; width?: number; height?: number }) {
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  return (
    <svg role="img" aria-label={title} width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="block overflow-visible">
      <title>{title}</title>
      {series.map((s) => {
        const line = pathOf(s.values, width, height, max);
        return (
          <g key={s.label} className={s.className}>
            {s.fill && line && <path d={`${line}L${width},${height}L0,${height}Z`} fill="currentColor" opacity={0.15} />}
            <path d={line} fill="none" stroke="currentColor" strokeWidth={1.25} strokeLinejoin="round" vectorEffect="non-scaling-stroke" />
          </g>
        );
      })}
    </svg>
  );
}
