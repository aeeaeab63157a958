// What the Audit page and its CSV export select: who, what, target, outcome, and when; paged by (at, id).

export type AuditCursor = { atMicros: string; id: string };

export type AuditFilter = {
  actor?: string;
  action?: string;
  /** Matches any target containing this text, case-insensitive. */
  target?: string;
  outcome?: "ok" | "denied" | "failed";
  from: Date;
  to: Date;
  /** Events strictly older than this position (the last row of the previous page). */
  cursor?: AuditCursor;
};

const CURSOR = /^(\d{1,17})\.(\d{1,18})$/;

/** A page position as the URL carries it: the event time in microseconds since 1970, a dot, the id. */
export function encodeAuditCursor(cursor: AuditCursor): string {
  return `${cursor.atMicros}.${cursor.id}`;
}

export function decodeAuditCursor(text: string): AuditCursor | null {
  const match = CURSOR.exec(text);
  return match?.[1] !== undefined && match[2] !== undefined ? { atMicros: match[1], id: match[2] } : null;
}

/** `text` as a LIKE pattern that matches it literally anywhere (its % _ and \ escaped). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
