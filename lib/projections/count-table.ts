// Additive per-minute counts: rows with the same key are summed, and the result is sorted by key, so
// counting a set of spans in any order, or in any split into batches, gives the same rows.
import { compareText } from "./order";

/** Sums rows that share a key; rows are never mutated. */
export function sumByKey<T>(rows: Iterable<T>, keyOf: (row: T) => string, add: (a: T, b: T) => T): T[] {
  const table = new Map<string, T>();
  for (const row of rows) {
    const key = keyOf(row);
    const prior = table.get(key);
    table.set(key, prior === undefined ? row : add(prior, row));
  }
  return [...table.entries()].sort(([a], [b]) => compareText(a, b)).map(([, row]) => row);
}

/** A key from the row's key columns; JSON keeps "a|b" + "c" apart from "a" + "b|c". */
export function keyOf(parts: readonly (string | number)[]): string {
  return JSON.stringify(parts);
}
