#!/usr/bin/env node
// `npm start`: the web server (next start) and the worker together, after one preflight check.
// Ctrl-C or SIGTERM stops both; if either exits, the other is stopped too. Run them apart with
// `npm run start:web` and `npm run start:worker`.
import { spawn, spawnSync } from "node:child_process";

const node = process.execPath;
const tsx = ["--conditions=react-server", "--import", "tsx"];

const preflight = spawnSync(node, [...tsx, "scripts/preflight.ts"], { stdio: "inherit" });
if (preflight.status !== 0) process.exit(preflight.status ?? 1);

const children = [
  spawn(node, ["node_modules/next/dist/bin/next", "start"], { stdio: "inherit" }),
  spawn(node, [...tsx, "lib/worker/main.ts"], { stdio: "inherit" }),
];

let exiting = false;
function stopAll(code) {
  if (exiting) return;
  exiting = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  // A child that ignores SIGTERM for 15 s is killed, so nothing is left running.
  const force = setTimeout(() => children.forEach((c) => c.exitCode === null && c.kill("SIGKILL")), 15_000);
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null))).then(() => {
    clearTimeout(force);
    process.exit(code);
  });
}

for (const child of children) child.once("exit", (code) => stopAll(code ?? 1));
for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => stopAll(0));
