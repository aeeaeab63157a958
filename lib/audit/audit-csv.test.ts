import { describe, expect, it } from "vitest";
import { auditCsvLines } from "./audit-csv";
import { containsPattern, decodeAuditCursor, encodeAuditCursor } from "./audit-filter";

const event = (over: Partial<Parameters<typeof auditCsvLines>[0][number]> = {}) => ({
  id: "7", at: new Date("2026-11-28T10:00:00.123Z"), actor: "ana", action: "dlq.discard", target: "local/orders.DLQ", outcome: "ok",
  details: { reason: "dup" }, ...over,
});

describe("auditCsvLines", () => {
  it("writes a header once, then one CRLF line per event with the details as JSON text", () => {
    expect(auditCsvLines([event()], true)).toBe(
      'id,at,actor,action,target,outcome,details\r\n7,2026-11-28T10:00:00.123Z,ana,dlq.discard,local/orders.DLQ,ok,"{""reason"":""dup""}"\r\n');
    expect(auditCsvLines([event()], false)).not.toContain("id,at,actor");
    expect(auditCsvLines([], false)).toBe("");
  });

  it("quotes commas, quotes and line breaks", () => {
    const line = auditCsvLines([event({ actor: 'O"Brien, Pat', target: "line\nbreak" })], false);
    expect(line).toBe('7,2026-11-28T10:00:00.123Z,"O""Brien, Pat",dlq.discard,"line\nbreak",ok,"{""reason"":""dup""}"\r\n');
  });

  it.each(["=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])("neutralises a cell starting like a formula: %j", (actor) => {
    const cells = auditCsvLines([event({ actor })], false);
    expect(cells).toContain(`'${actor.slice(0, 1)}`);
    expect(cells).not.toMatch(new RegExp(`,"?${actor.slice(0, 1).replace(/[+\\]/g, "\\$&")}`));
  });

  it("leaves other text alone", () => {
    expect(auditCsvLines([event({ actor: "ana=admin" })], false)).toContain(",ana=admin,");
  });
});

describe("audit cursor and target pattern", () => {
  it("round-trips a page position and refuses anything else", () => {
    expect(decodeAuditCursor(encodeAuditCursor({ atMicros: "1795867200123456", id: "42" }))).toEqual({ atMicros: "1795867200123456", id: "42" });
    for (const bad of ["", "1", "1.", ".2", "a.b", "1.2.3", "-1.2"]) expect(decodeAuditCursor(bad)).toBeNull();
  });

  it("matches the target text literally, wildcards included", () => {
    expect(containsPattern("orders_100%\\x")).toBe("%orders\\_100\\%\\\\x%");
  });
});
