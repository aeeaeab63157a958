// A fixed locale so the server-rendered numbers match what a client re-render would print.
const countFormat = new Intl.NumberFormat("en-US");

/** 1234567 → "1,234,567". */
export function formatCount(value: number): string {
  return countFormat.format(value);
}

export function formatLatency(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Offsets arrive as decimal strings (they can exceed 2^53); only thousands separators are added. */
export function formatOffset(offset: string): string {
  return /^\d+$/.test(offset) ? offset.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : offset;
}
