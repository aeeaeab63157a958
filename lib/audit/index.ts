import "server-only";

export { KNOWN_AUDIT_ACTIONS, AUDIT_ACTION_PATTERN, AUDIT_OUTCOMES } from "./actions";
export { applyAuditRetention } from "./apply-audit-retention";
export { decodeAuditCursor, encodeAuditCursor, type AuditCursor, type AuditFilter } from "./audit-filter";
export { auditCsvStream } from "./export-audit-csv";
export { hasAnyAuditEvents, listAuditEvents, listRecordedActions, type AuditEventPage, type AuditEventRow } from "./list-audit-events";
export { recordAuditEvent, reserveAuditEventId, type AuditEventInput } from "./record-audit-event";
