// @ts-check
// The schema-engine stand-in leans on internals (the CLI's JSON-RPC, the wasm engine's adapter
// contract, adapter-pg's shadow-database code), so it refuses to run with versions it was not checked with.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** The exact versions scripts/prisma/schema-engine.mjs was written and tested against. */
export const PINNED_VERSIONS = Object.freeze({
  prisma: "7.10.1",
  "@prisma/adapter-pg": "7.10.1",
  "@prisma/schema-engine-wasm": "8.1.0-2.59be4fda12412a79eeb9c2ae727b6aa723593323",
});

const require = createRequire(import.meta.url);

/**
 * The version in the package.json Node would load `name` from, or undefined if it is not installed.
 * Looks the directory up by hand because several of these packages' `exports` hide package.json.
 * @param {string} name
 * @returns {string | undefined}
 */
export function readInstalledVersion(name) {
  for (const dir of require.resolve.paths(name) ?? []) {
    const manifest = path.join(dir, name, "package.json");
    if (fs.existsSync(manifest)) return JSON.parse(fs.readFileSync(manifest, "utf8")).version;
  }
  return undefined;
}

/**
 * One line naming the first package whose installed version differs from its pin, or null.
 * @param {(name: string) => string | undefined} readVersion
 * @param {Readonly<Record<string, string>>} pinned
 * @returns {string | null}
 */
export function describeVersionMismatch(readVersion = readInstalledVersion, pinned = PINNED_VERSIONS) {
  for (const [name, expected] of Object.entries(pinned)) {
    const installed = readVersion(name);
    if (installed !== expected) {
      return `schema-engine stand-in: ${name} is ${installed ?? "not installed"} but scripts/prisma/schema-engine.mjs was written for ${expected}; re-test it and update PINNED_VERSIONS`;
    }
  }
  return null;
}
