// Every way into Flowdeck checks who is asking, on the server: each page calls requirePageRole, each route
// handler authorizeRoute (or is one of the few public ones), and each exported server action requireRole.
// A new page, route or action without its check fails here.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const APP = path.resolve(import.meta.dirname);

function filesNamed(dir: string, test: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesNamed(full, test) : test(entry.name) ? [full] : [];
  });
}

const relative = (file: string) => path.relative(APP, file);
// Reachable without a session: sign-in itself, Better Auth's endpoints, health checks, Prometheus metrics
// and OTLP ingest (which takes its own bearer tokens).
const PUBLIC_PAGES = ["sign-in/page.tsx"];
const PUBLIC_ROUTES = ["api/auth/[...all]/route.ts", "api/health/live/route.ts", "api/health/ready/route.ts", "api/metrics/route.ts", "api/otlp/v1/traces/route.ts"];

describe("access checks", () => {
  it("every page calls requirePageRole first", () => {
    const pages = filesNamed(APP, (name) => name === "page.tsx").filter((file) => !PUBLIC_PAGES.includes(relative(file)));
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      const body = readFileSync(file, "utf8").split(/export default async function \w+\([^\n]*\{\n/)[1] ?? "";
      expect(body.trimStart(), relative(file)).toMatch(/^(const \w+ = )?await requirePageRole\(/);
    }
  });

  it("every route handler authorizes before anything else, unless it is public", () => {
    const routes = filesNamed(APP, (name) => name === "route.ts").filter((file) => !PUBLIC_ROUTES.includes(relative(file)));
    expect(routes.length).toBeGreaterThan(2);
    for (const file of routes) {
      const handlers = readFileSync(file, "utf8").split(/export async function (?:GET|POST|PUT|PATCH|DELETE)\(/).slice(1);
      expect(handlers.length, relative(file)).toBeGreaterThan(0);
      for (const handler of handlers) expect(handler, relative(file)).toMatch(/^[^\n]*\{\n\s+const access = await authorizeRoute\("(viewer|operator|admin)"\);/);
    }
  });

  it("every exported server action checks a role", () => {
    const modules = ["app", "components", "lib"].flatMap((dir) => filesNamed(path.resolve(APP, "..", dir), (name) => /\.tsx?$/.test(name)))
      .filter((file) => readFileSync(file, "utf8").startsWith('"use server";'));
    expect(modules.length).toBeGreaterThan(2);
    for (const file of modules) {
      const actions = readFileSync(file, "utf8").split(/\nexport async function /).slice(1);
      for (const action of actions) {
        const name = action.slice(0, action.indexOf("("));
        // Sign-out needs no role: it only ends the caller's own session.
        if (name === "signOutAction") continue;
        expect(action, `${file}: ${name}`).toMatch(/requireRole\("(viewer|operator|admin)"\)/);
      }
    }
  });
});
