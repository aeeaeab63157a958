export const n = (value: number) => Math.round(value).toLocaleString("en-US");
export const ms = (value: number) => value.toFixed(1);
export const ratio = (value: number) => value.toFixed(2);

/** "met" or "NOT MET", so a reader finds the misses by eye. */
export const verdict = (ok: boolean) => (ok ? "met" : "NOT MET");
