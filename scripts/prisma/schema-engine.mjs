#!/usr/bin/env node
// Flowdeck's stand-in for Prisma's native `schema-engine` binary, which the CLI downloads from a server
// this network cannot reach. prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here; we speak the
// binary's JSON-RPC over stdio and forward each call to @prisma/schema-engine-wasm via @prisma/adapter-pg.
import fs from "node:fs";
import readline from "node:readline";
import { describeVersionMismatch, PINNED_VERSIONS } from "./pinned-versions.mjs";

const FIRST_PRINT_REQUEST_ID = 1_000_000;

// The CLI reads stderr as JSON log lines and drops the first one (the native binary's start-up line).
function logJson(level, fields) {
  process.stderr.write(JSON.stringify({ level, target: "schema_engine::logger", fields }) + "\n");
}

// A person at a terminal gets a plain line; the CLI gets the JSON it turns into "Error in Schema engine: …".
function exitWithError(message, errorCode = undefined) {
  if (process.stderr.isTTY) process.stderr.write(message + "\n");
  else {
    logJson("INFO", { message: "Starting Flowdeck schema engine stand-in" });
    logJson("ERROR", { message, ...(errorCode ? { error_code: errorCode } : {}) });
  }
  process.exit(1);
}

// Checked before loading anything else, so a changed dependency fails with this line, not a stack trace.
const mismatch = describeVersionMismatch();
if (mismatch) exitWithError(mismatch);

/** The flags the CLI passes to the native binary. */
function parseArgs(argv) {
  const args = { version: false, datamodelPaths: [], datasource: {}, cliCommand: undefined };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === "--version" || flag === "-V") args.version = true;
    else if (flag === "--datamodels") {
      while (i + 1 < argv.length && !argv[i + 1].startsWith("--")) args.datamodelPaths.push(argv[++i]);
    } else if (flag === "--datasource") args.datasource = JSON.parse(argv[++i] ?? "{}");
    else if (flag === "--enabled-preview-features" || flag === "--extension-types") i++;
    else if (flag === "cli") args.cliCommand = argv[++i];
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));

if (args.version) {
  const engineHash = PINNED_VERSIONS["@prisma/schema-engine-wasm"].split(".").at(-1);
  process.stdout.write(`schema-engine-cli ${engineHash} (Flowdeck stand-in on @prisma/schema-engine-wasm)\n`);
  process.exit(0);
}

if (args.cliCommand) {
  const { runCliCommand } = await import("./cli-commands.mjs");
  const failure = await runCliCommand(args.cliCommand, args.datasource.url);
  if (failure) exitWithError(failure.message, failure.errorCode);
  process.exit(0);
}

// The wasm engine queries Postgres as it starts, even for diffs that need no database.
if (!args.datasource.url) exitWithError("the schema engine needs a database: set DATABASE_URL (see prisma.config.ts)", "P1012");
const { createAdapterFactory } = await import("./pg-adapter-factory.mjs");
const adapterFactory = createAdapterFactory(args.datasource);
const engine = await startWasmEngine(args.datamodelPaths, adapterFactory).catch((error) =>
  exitWithError(`could not start the wasm schema engine: ${explainError(error)}`, "P1001"),
);
serveJsonRpc(engine);

async function startWasmEngine(datamodelPaths, adapterFactory) {
  // Node 20 cannot `import` a .wasm file (the package's entry does), so instantiate the module by hand.
  const bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmUrl = new URL("./schema_engine_bg.wasm", import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const wasmModule = new WebAssembly.Module(fs.readFileSync(wasmUrl));
  const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();

  const datamodels = datamodelPaths.map((file) => [file, fs.readFileSync(file, "utf8")]);
  const debugLog = process.env.FLOWDECK_SCHEMA_ENGINE_DEBUG ? (line) => process.stderr.write(`[wasm] ${line}\n`) : () => {};
  return bindings.SchemaEngine.new({ datamodels: datamodels.length > 0 ? datamodels : undefined }, debugLog, adapterFactory);
}

// JS errors reach us from the wasm engine as "External error id#N"; the adapter's registry holds the original.
function explainError(error) {
  const message = String(error?.message ?? error).trim();
  const id = /External error id#(\d+)/.exec(message)?.[1];
  const original = id === undefined ? undefined : adapterFactory.errorRegistry.consumeError(Number(id))?.error;
  return original?.message ?? message;
}

function serveJsonRpc(engine) {
  // The native binary's method names, where the wasm engine's differ.
  const methodNames = { getDatabaseVersion: "version" };
  const send = (message) => process.stdout.write(JSON.stringify({ jsonrpc: "2.0", ...message }) + "\n");
  let nextPrintId = FIRST_PRINT_REQUEST_ID;
  let pending = Promise.resolve();

  async function handle({ id, method, params }) {
    try {
      const name = methodNames[method] ?? method;
      if (typeof engine[name] !== "function") throw new Error(`the wasm schema engine does not support ${method}`);
      const result = await engine[name](params);
      // The native engine prints a diff itself through a "print" request; the wasm one returns it.
      if (name === "diff" && result) {
        if (result.stdout) send({ id: nextPrintId++, method: "print", params: { content: result.stdout } });
        send({ id, result: { exitCode: result.exitCode } });
      } else send({ id, result: result ?? null });
    } catch (error) {
      const isPanic = error instanceof WebAssembly.RuntimeError;
      const data = { is_panic: isPanic, message: explainError(error), meta: error?.meta ?? null, error_code: error?.code ?? null };
      send({ id, error: { code: 4466, message: "An error happened. Check the data field for details.", data } });
    }
  }

  readline
    .createInterface({ input: process.stdin, crlfDelay: Infinity })
    .on("line", (line) => {
      if (!line.trim()) return;
      const message = JSON.parse(line);
      if (!message.method) return; // the CLI acknowledging one of our print requests
      pending = pending.then(() => handle(message)); // one call at a time, as the native engine does
    })
    .on("close", async () => {
      await pending;
      engine.free();
      process.exit(0);
    });
}
