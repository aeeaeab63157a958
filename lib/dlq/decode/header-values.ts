// Pure: no I/O.
// Reading single Kafka header values as bytes or as text that is safe to store and show.

/** Headers as kafkajs hands them over: a Buffer (or a string when produced locally), or several when repeated. */
export type RawHeaders = Readonly<Record<string, Buffer | string | readonly (Buffer | string)[] | undefined>>;

/** Longest text kept per field; longer text is cut and ends with TRUNCATION_MARK. */
export const TEXT_CAPS = { errorMessage: 4_000, errorStack: 16_000, other: 1_000 } as const;
export const TRUNCATION_MARK = "…";

const lenientUtf8 = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function asBuffer(value: Buffer | string): Buffer {
  return typeof value === "string" ? Buffer.from(value, "utf8") : value;
}

/** Every value of a header, in order; none when it is absent. hasOwn keeps "constructor" from reading the prototype. */
export function headerValues(headers: RawHeaders, name: string): Buffer[] {
  if (!Object.hasOwn(headers, name)) return [];
  const value = headers[name];
  if (value === undefined) return [];
  return typeof value === "string" || Buffer.isBuffer(value) ? [asBuffer(value)] : value.map(asBuffer);
}

/** The first value of a header; a repeated header is read by its first value. */
export function headerBytes(headers: RawHeaders, name: string): Buffer | null {
  return headerValues(headers, name)[0] ?? null;
}

export function hasHeader(headers: RawHeaders, name: string): boolean {
  return headerBytes(headers, name) !== null;
}

/** UTF-8 text that never throws: bad bytes become U+FFFD, and NUL is dropped because Postgres text refuses it. */
export function decodeLenient(bytes: Uint8Array): string {
  const text = lenientUtf8.decode(bytes);
  return text.includes("\u0000") ? text.replaceAll("\u0000", "") : text;
}

/** The text when the bytes are valid UTF-8, else null. */
export function decodeStrict(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** True when text holds a C0 control or DEL other than tab, newline and carriage return: a sign of binary data. */
export function hasControlChars(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
  }
  return false;
}

/** Cuts text to at most `max` characters, the last being the marker, without leaving half a surrogate pair. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = text.slice(0, max - TRUNCATION_MARK.length);
  const last = kept.charCodeAt(kept.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) kept = kept.slice(0, -1);
  return kept + TRUNCATION_MARK;
}

/** A header as stored text: decoded leniently, capped, and null when absent or empty. */
export function headerText(headers: RawHeaders, name: string, max: number = TEXT_CAPS.other): string | null {
  const bytes = headerBytes(headers, name);
  if (bytes === null) return null;
  const text = decodeLenient(bytes);
  return text === "" ? null : capText(text, max);
}

/** Bytes as space-separated lowercase hex pairs, the way the console shows binary values. */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex").replace(/(..)(?!$)/g, "$1 ");
}
