// Pure: no I/O.
// Topic patterns of masking rules are globs, not regular expressions: `payments.*` reads as it would in a
// shell and its dot is a dot. `*` is any run of characters (dots included), `?` one character.

/** Characters a topic glob may hold: Kafka's topic-name characters plus the two wildcards. */
export const TOPIC_GLOB = /^[A-Za-z0-9._*?-]+$/;

/** The glob as an anchored regular expression. */
export function topicGlobToRegExp(glob: string): RegExp {
  const body = Array.from(glob, (char) => (char === "*" ? ".*" : char === "?" ? "." : (char === "." ? "\\." : char))).join("");
  return new RegExp(`^${body}$`);
}
