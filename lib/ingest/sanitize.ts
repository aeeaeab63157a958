import type { AttributeValue, Attributes, SpanRecord } from "@/lib/traces";

/** Longest string value kept whole; longer ones are cut and listed in flowdeck.truncated_attributes. */
export const MAX_STRING_LENGTH = 8 * 1024;
export const TRUNCATED_ATTRIBUTE = "flowdeck.truncated_attributes";

// Postgres refuses U+0000 in text and jsonb and any string that is not valid UTF-8 (a lone surrogate
// here). One such value must not fail its batch, so both become U+FFFD, the replacement character.
export function safeString(text: string): string {
  const wellFormed = text.isWellFormed() ? text : text.toWellFormed();
  return wellFormed.includes("\u0000") ? wellFormed.replaceAll("\u0000", "\uFFFD") : wellFormed;
}

function cut(text: string): { value: string; truncated: boolean } {
  const safe = safeString(text);
  if (safe.length <= MAX_STRING_LENGTH) return { value: safe, truncated: false };
  // The cut may split a surrogate pair; safeString mends the half it leaves (jsonb refuses it).
  return { value: `${safeString(safe.slice(0, MAX_STRING_LENGTH))}…[${safe.length - MAX_STRING_LENGTH} more characters]`, truncated: true };
}

function cleanValue(value: AttributeValue, onTruncate: () => void): AttributeValue {
  if (typeof value === "string") {
    const { value: kept, truncated } = cut(value);
    if (truncated) onTruncate();
    return kept;
  }
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value); // JSON has no NaN
  if (Array.isArray(value)) return value.map((v) => cleanValue(v, onTruncate));
  if (value && typeof value === "object") return cleanAttributes(value, onTruncate);
  return value;
}

function cleanAttributes(attributes: Attributes, onTruncate: (key: string) => void): Attributes {
  const out = Object.create(null) as Attributes; // an attribute named __proto__ stays an attribute
  for (const [key, value] of Object.entries(attributes)) out[safeString(key)] = cleanValue(value, () => onTruncate(key));
  return out;
}

/** Attributes safe to store, with the keys of any cut values listed under flowdeck.truncated_attributes. */
export function sanitizeAttributes(attributes: Attributes): Attributes {
  const truncated = new Set<string>();
  const out = cleanAttributes(attributes, (key) => truncated.add(key));
  if (truncated.size > 0) out[TRUNCATED_ATTRIBUTE] = [...truncated].sort();
  return out;
}

export function safeOptionalString(text: string | null): string | null {
  return text === null ? null : cut(text).value;
}

/** Postgres refuses btree index entries over about 2.7 KB; indexed text is kept well below that. */
export const MAX_INDEXED_LENGTH = 1024;

export function capIndexed(text: string): string;
export function capIndexed(text: string | null): string | null;
export function capIndexed(text: string | null): string | null {
  return text !== null && text.length > MAX_INDEXED_LENGTH ? safeString(text.slice(0, MAX_INDEXED_LENGTH)) : text;
}

/** The span with every string and attribute made safe to store (see safeString and sanitizeAttributes). */
export function sanitizeSpan(span: SpanRecord): SpanRecord {
  return {
    ...span,
    name: safeString(span.name),
    serviceName: capIndexed(safeString(span.serviceName)), // service_name is indexed
    scopeName: safeOptionalString(span.scopeName),
    statusMessage: safeOptionalString(span.statusMessage),
    resourceAttributes: sanitizeAttributes(span.resourceAttributes),
    attributes: sanitizeAttributes(span.attributes),
    events: span.events.map((e) => ({ ...e, name: safeString(e.name), attributes: sanitizeAttributes(e.attributes) })),
    links: span.links.map((l) => ({ ...l, attributes: sanitizeAttributes(l.attributes) })),
  };
}
