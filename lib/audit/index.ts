import "server-only";

export { listAuditEvents, type AuditEventRow } from "./list-audit-events";
export { recordAuditEvent, type AuditEventInput } from "./record-audit-event";
