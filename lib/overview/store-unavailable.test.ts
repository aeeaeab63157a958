import { describe, expect, it } from "vitest";
import { isStoreUnavailable } from "./store-unavailable";

const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("isStoreUnavailable", () => {
  it("recognises a refused or broken connection and Postgres shutting down", () => {
    expect(isStoreUnavailable(withCode("ECONNREFUSED"))).toBe(true);
    expect(isStoreUnavailable(withCode("57P01", "terminating connection due to administrator command"))).toBe(true);
    expect(isStoreUnavailable(withCode("57P03", "the database system is starting up"))).toBe(true);
    expect(isStoreUnavailable(withCode("08006"))).toBe(true);
    expect(isStoreUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isStoreUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isStoreUnavailable(new AggregateError([withCode("ECONNREFUSED")], ""))).toBe(true);
  });

  it("leaves other failures to the error boundary: bad SQL, a missing table, a bug", () => {
    expect(isStoreUnavailable(withCode("42P01", 'relation "sagas" does not exist'))).toBe(false);
    expect(isStoreUnavailable(withCode("42601", "syntax error"))).toBe(false);
    expect(isStoreUnavailable(new TypeError("cannot read properties of undefined"))).toBe(false);
    expect(isStoreUnavailable("down")).toBe(false);
  });
});
