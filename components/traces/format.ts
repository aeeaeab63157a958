// A fixed locale so server-rendered text matches what the browser would print.
const countFormat = new Intl.NumberFormat("en-US");

export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** 850 → "850 µs", 12_345 → "12.3 ms", 1_250_000 → "1.25 s", 125_000_000 → "2m 5s". */
export function formatDurationUs(us: number): string {
  if (!Number.isFinite(us) || us < 0) return "–";
  if (us < 1_000) return `${trim(us, us < 10 ? 2 : us < 100 ? 1 : 0)} µs`;
  const ms = us / 1_000;
  if (ms < 1_000) return `${trim(ms, ms < 10 ? 2 : ms < 100 ? 1 : 0)} ms`;
  const s = ms / 1_000;
  if (s < 60) return `${trim(s, s < 10 ? 2 : 1)} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes}m ${Math.floor(s % 60)}s`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

export function formatDurationMs(ms: number): string {
  return formatDurationUs(ms * 1_000);
}

/** Fixed decimals without trailing zeros: 1.50 → "1.5", 2.00 → "2". */
function trim(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

/** A hex id cut to its first characters, for tables; the full id goes in a title. */
export function shortId(id: string, length = 8): string {
  return id.length > length ? id.slice(0, length) : id;
}
