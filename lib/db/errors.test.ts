import { describe, expect, it } from "vitest";
import { databaseTarget, describeDatabaseError } from "./errors";

const TARGET = "127.0.0.1:5999";

function systemError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe("describeDatabaseError", () => {
  it.each([
    ["ECONNREFUSED", "connection refused at 127.0.0.1:5999"],
    ["ENOTFOUND", "host not found: 127.0.0.1:5999"],
    ["ECONNRESET", "connection reset by 127.0.0.1:5999"],
  ])("words socket error %s for an operator", (code, expected) => {
    expect(describeDatabaseError(systemError(code, "connect failed"), TARGET)).toBe(expected);
  });

  it("reads the code off Node's AggregateError for dual-stack hosts", () => {
    const both = Object.assign(new AggregateError([], ""), { code: "ECONNREFUSED" });
    expect(describeDatabaseError(both, TARGET)).toBe("connection refused at 127.0.0.1:5999");
  });

  it("keeps Postgres's own first line and says where", () => {
    const error = systemError("3D000", 'database "flowdeck" does not exist\nDETAIL: whatever');
    expect(describeDatabaseError(error, TARGET)).toBe('database "flowdeck" does not exist (127.0.0.1:5999)');
  });

  it("stays one short line for long or odd errors", () => {
    expect(describeDatabaseError(new Error("x".repeat(500)), TARGET)).toHaveLength(200);
    expect(describeDatabaseError("\n\n", TARGET)).toBe("unknown error (127.0.0.1:5999)");
  });
});

describe("databaseTarget", () => {
  it("is host:port without credentials or database", () => {
    expect(databaseTarget("postgresql://flowdeck:secret@db.internal:6432/flowdeck?schema=ops")).toBe("db.internal:6432");
    expect(databaseTarget("postgresql://postgres@127.0.0.1/flowdeck")).toBe("127.0.0.1:5432");
    expect(databaseTarget("not a url")).toBe("the database");
  });
});
