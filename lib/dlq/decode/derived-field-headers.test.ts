import { describe, expect, it } from "vitest";
import { DERIVED_FIELD_HEADERS, type DerivedField } from "./derived-field-headers";
import { readDlqMetadata } from "./dlq-headers";

// Each listed header, set alone (with a marker header of its convention), is what the field is read from;
// a header the readers use but the list misses would let a masked value through the field.
const MARKERS: Record<string, Record<string, string>> = {
  kafka_dlt: { "kafka_dlt-original-topic": "orders" },
  __connect: { "__connect.errors.topic": "orders" },
  dlq: { "dlq.original.topic": "orders" },
};

describe("DERIVED_FIELD_HEADERS", () => {
  it.each(Object.entries(DERIVED_FIELD_HEADERS).flatMap(([field, names]) => names.map((name) => [field, name] as const)))("%s is read from %s", (field, name) => {
    const marker = Object.entries(MARKERS).find(([prefix]) => name.startsWith(prefix))?.[1] ?? {};
    const metadata = readDlqMetadata({ ...marker, [name]: "secret-value-123" });
    expect(String(metadata[field as DerivedField])).toContain("secret-value-123");
  });
});
