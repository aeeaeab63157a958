import { describe, expect, it } from "vitest";
import { scrapeAllowed } from "./scrape-access";

const TOKEN = "metrics-token-0123456789abcdef";

describe("scrapeAllowed", () => {
  it("lets any scrape in when no token is configured", () => {
    expect(scrapeAllowed(null, null)).toBe(true);
    expect(scrapeAllowed("Bearer anything", null)).toBe(true);
  });

  it("lets in only the configured bearer token", () => {
    expect(scrapeAllowed(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(scrapeAllowed(`bearer ${TOKEN}`, TOKEN)).toBe(true);
  });

  it.each([
    ["no header", null],
    ["an empty header", ""],
    ["another token", "Bearer metrics-token-0123456789abcdeX"],
    ["a prefix of the token", `Bearer ${TOKEN.slice(0, -1)}`],
    ["the token with more after it", `Bearer ${TOKEN} extra`],
    ["basic credentials", `Basic ${Buffer.from(`prometheus:${TOKEN}`).toString("base64")}`],
    ["the bare token", TOKEN],
  ])("refuses %s", (_what, header) => {
    expect(scrapeAllowed(header, TOKEN)).toBe(false);
  });
});
