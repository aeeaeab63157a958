import { stringify } from "csv-stringify/sync";
import type { AuditEventRow } from "./list-audit-events";

export const AUDIT_CSV_COLUMNS = ["id", "at", "actor", "action", "target", "outcome", "details"] as const;

/**
 * Events as CSV lines (RFC 4180 quoting). Cells that a spreadsheet would run as a formula (starting
 * with = + - @, a tab or a carriage return) get a leading ' so they open as text.
 */
export function auditCsvLines(events: AuditEventRow[], withHeader: boolean): string {
  return stringify(events.map((e) => [e.id, e.at.toISOString(), e.actor, e.action, e.target, e.outcome, JSON.stringify(e.details)]), {
    header: withHeader,
    columns: [...AUDIT_CSV_COLUMNS],
    escape_formulas: true,
    record_delimiter: "\r\n",
    // csv-stringify quotes only the record delimiter (CRLF); a lone LF or CR inside a cell must be quoted too.
    quoted_match: /[\r\n]/,
  });
}
