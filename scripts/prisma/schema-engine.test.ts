import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { PINNED_VERSIONS } from "./pinned-versions.mjs";

const run = promisify(execFile);
const standIn = path.join(import.meta.dirname, "schema-engine.mjs");
const scratchDirs: string[] = [];

type Outcome = { code: number; stdout: string; stderr: string };

async function runStandIn(script: string, args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [script, ...args], { timeout: 20_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

/** A copy of the stand-in beside a node_modules holding only `packages` (name → version). */
async function standInWithInstalled(packages: Record<string, string>): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "flowdeck-schema-engine-"));
  scratchDirs.push(root);
  const dir = path.join(root, "scripts/prisma");
  await fs.mkdir(dir, { recursive: true });
  for (const file of ["schema-engine.mjs", "pinned-versions.mjs"]) await fs.copyFile(path.join(import.meta.dirname, file), path.join(dir, file));
  for (const [name, version] of Object.entries(packages)) {
    await fs.mkdir(path.join(root, "node_modules", name), { recursive: true });
    await fs.writeFile(path.join(root, "node_modules", name, "package.json"), JSON.stringify({ name, version }));
  }
  return path.join(dir, "schema-engine.mjs");
}

afterAll(async () => {
  await Promise.all(scratchDirs.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

describe("schema-engine stand-in", () => {
  it("answers --version with the wasm engine's commit, as the native binary does", async () => {
    const outcome = await runStandIn(standIn, ["--version"]);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout.trim()).toBe(
      `schema-engine-cli ${PINNED_VERSIONS["@prisma/schema-engine-wasm"].split(".").at(-1)} (Flowdeck stand-in on @prisma/schema-engine-wasm)`,
    );
  });

  it("refuses to start when an installed version differs from its pin, naming it", async () => {
    const script = await standInWithInstalled({ ...PINNED_VERSIONS, "@prisma/adapter-pg": "7.11.0" });
    const outcome = await runStandIn(script, ["--version"]);
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toBe("");
    // Not a terminal, so the line comes in the JSON log format the Prisma CLI shows as "Error in Schema engine: …".
    const errors = outcome.stderr.trim().split("\n").map((line) => JSON.parse(line) as { level: string; fields: { message: string } });
    const error = errors.find((entry) => entry.level === "ERROR");
    expect(error?.fields.message).toMatch(/^schema-engine stand-in: @prisma\/adapter-pg is 7\.11\.0 but .* was written for 7\.10\.1/);
  });

  it("refuses to start when a pinned package is missing", async () => {
    const script = await standInWithInstalled({ prisma: PINNED_VERSIONS.prisma });
    const outcome = await runStandIn(script, ["--version"]);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toMatch(/@prisma\/adapter-pg is not installed/);
  });
});
