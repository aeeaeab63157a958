// The JavaScript a cold load of a page downloads, as the browser counts it: the bytes on the wire (gzipped as
// the server sent them) of every script response, in a fresh browser context so nothing comes from its cache.
import { chromium, type Browser } from "@playwright/test";
import type { SessionCookie } from "../bench-session";

export type PageWeight = { path: string; scripts: number; wireBytes: number };

export async function openBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
  });
}

export async function pageWeight(browser: Browser, baseUrl: string, path: string, session: SessionCookie): Promise<PageWeight> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addCookies([session]);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    const scripts = new Set<string>();
    let wireBytes = 0;
    cdp.on("Network.responseReceived", (event) => {
      if (event.type === "Script") scripts.add(event.requestId);
    });
    cdp.on("Network.loadingFinished", (event) => {
      if (scripts.has(event.requestId)) wireBytes += event.encodedDataLength;
    });
    const response = await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
    if (!response?.ok()) throw new Error(`${path} answered ${response?.status() ?? "nothing"}`);
    // Weighing the sign-in page in place of the one asked for would be a quiet wrong figure.
    if (new URL(page.url()).pathname !== new URL(`${baseUrl}${path}`).pathname) throw new Error(`${path} led to ${page.url()}`);
    return { path, scripts: scripts.size, wireBytes };
  } finally {
    await context.close();
  }
}
