/** OTLP SpanKind numbers as words (0 unspecified … 5 consumer). */
const KIND_NAMES = ["Unspecified", "Internal", "Server", "Client", "Producer", "Consumer"] as const;

export function spanKindName(kind: number): string {
  return KIND_NAMES[kind] ?? `Kind ${String(kind)}`;
}

/** OTLP StatusCode numbers as words (0 unset, 1 ok, 2 error). */
export function statusName(code: number): "Unset" | "OK" | "Error" {
  return code === 2 ? "Error" : code === 1 ? "OK" : "Unset";
}
