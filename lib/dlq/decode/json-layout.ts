// Pure: no I/O.
// Re-laying out JSON text without parsing it into numbers: an int64 id like 9007199254740993
// would be rounded by JSON.parse + JSON.stringify, and an ops console must show it as sent.

/** JSON text with the whitespace between tokens removed. The input must already be valid JSON. */
export function compactJson(text: string): string {
  return layout(text, null);
}

/** JSON text indented the way JSON.stringify(value, null, indent) would, with every token kept verbatim. */
export function indentJson(text: string, indent = 2): string {
  return layout(text, " ".repeat(indent));
}

function isJsonSpace(char: string): boolean {
  return char === " " || char === "\t" || char === "\n" || char === "\r";
}

function nextToken(text: string, from: number): string | undefined {
  let i = from;
  while (i < text.length && isJsonSpace(text.charAt(i))) i++;
  return text[i];
}

function layout(text: string, unit: string | null): string {
  const out: string[] = [];
  let depth = 0;
  let inString = false;
  const newline = (): void => {
    if (unit !== null) out.push("\n", unit.repeat(depth));
  };
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (inString) {
      out.push(char);
      if (char === "\\") out.push(text.charAt(++i)); // the escaped character cannot end the string
      else if (char === '"') inString = false;
      continue;
    }
    if (isJsonSpace(char)) continue;
    if (char === '"') inString = true;
    if (char === "{" || char === "[") {
      const close = char === "{" ? "}" : "]";
      if (nextToken(text, i + 1) === close) {
        out.push(char, close); // empty containers stay on one line, as JSON.stringify writes them
        i = text.indexOf(close, i + 1);
        continue;
      }
      out.push(char);
      depth++;
      newline();
    } else if (char === "}" || char === "]") {
      depth--;
      newline();
      out.push(char);
    } else if (char === ",") {
      out.push(char);
      newline();
    } else if (char === ":") {
      out.push(unit === null ? ":" : ": ");
    } else {
      out.push(char);
    }
  }
  return out.join("");
}
