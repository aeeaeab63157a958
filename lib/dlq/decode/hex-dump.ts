// Pure: no I/O.
// The classic offset / hex / ASCII dump (as `hexdump -C` prints it) for payloads that are not text.

const BYTES_PER_LINE = 16;

function printable(byte: number): string {
  return byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : ".";
}

/** One line per 16 bytes: 8-digit hex offset, the bytes in two groups of eight, then |ascii|. */
export function hexDump(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (let offset = 0; offset < bytes.byteLength; offset += BYTES_PER_LINE) {
    const row = bytes.subarray(offset, offset + BYTES_PER_LINE);
    const hex = Array.from({ length: BYTES_PER_LINE }, (_, i) => {
      const byte = row[i];
      const cell = byte === undefined ? "  " : byte.toString(16).padStart(2, "0");
      return i === 8 ? ` ${cell}` : cell; // an extra space between the two groups of eight
    }).join(" ");
    const ascii = Array.from(row, printable).join("");
    lines.push(`${offset.toString(16).padStart(8, "0")}  ${hex}  |${ascii}|`);
  }
  return lines.join("\n");
}
