import { describe, expect, it } from "vitest";
import { cliActor, parseIngestTokenCommand } from "./command";

describe("parseIngestTokenCommand", () => {
  it.each([
    [["create", "payment-service"], { verb: "create", name: "payment-service" }],
    [["rotate", "collector"], { verb: "rotate", name: "collector" }],
    [["revoke", "collector"], { verb: "revoke", name: "collector" }],
    [["list"], { verb: "list" }],
  ])("reads %j", (argv, command) => expect(parseIngestTokenCommand(argv)).toEqual(command));

  it.each([
    [[], /^usage: npm run ingest-token/],
    [["delete", "x"], /^unknown command "delete"; usage/],
    [["create"], /^create takes one token name/],
    [["create", ""], /^create takes one token name/],
    [["revoke", "a", "b"], /^revoke takes one token name/],
    [["list", "extra"], /^list takes no arguments/],
  ])("refuses %j with one line", (argv, message) => {
    const parsed = parseIngestTokenCommand(argv);
    expect("error" in parsed && parsed.error).toMatch(message);
    expect("error" in parsed && parsed.error.includes("\n")).toBe(false);
  });
});

describe("cliActor", () => {
  it("names the OS user, or the uid when there is no user name", () => {
    expect(cliActor(() => "ana", 1000)).toBe("cli:ana");
    expect(cliActor(() => { throw new Error("no passwd entry"); }, 1234)).toBe("cli:uid-1234");
  });
});
