// Pure: no I/O.
// Indexed fields read from headers (error type and message, original topic, ...) masked the way their
// headers are, so a value hidden in the header list does not show in the list or the drawer instead.
import { maskHeaderValue, type TopicMasking } from "@/lib/masking/index-pure";
import { DERIVED_FIELD_HEADERS, type DerivedField } from "../decode/derived-field-headers";

/** Field name → names of the rules that hid (part of) it; empty when nothing was hidden. */
export type MaskedFields = Partial<Record<DerivedField | "payload", string[]>>;

/** The field's value as the operator sees it. */
export function maskField(field: DerivedField, value: string, masking: TopicMasking | null): { value: string; maskedBy: string[] } {
  if (masking === null) return { value, maskedBy: [] };
  return maskHeaderValue(DERIVED_FIELD_HEADERS[field], value, false, masking);
}

/** The row with each of `fields` masked, and which were. */
export function maskFields<T extends Partial<Record<DerivedField, string | null>>>(row: T, fields: readonly DerivedField[], masking: TopicMasking | null): { row: T; masked: MaskedFields } {
  if (masking === null) return { row, masked: {} };
  const out: Partial<Record<DerivedField, string | null>> = { ...row };
  const masked: MaskedFields = {};
  for (const field of fields) {
    const value = row[field];
    if (value === null || value === undefined || value === "") continue;
    const result = maskField(field, value, masking);
    if (result.maskedBy.length === 0) continue;
    out[field] = result.value;
    masked[field] = result.maskedBy;
  }
  return { row: out as T, masked };
}
