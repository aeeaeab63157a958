// Starts the demo's processes, prefixes their output with their name, restarts a service that crashed
// (the crash knob kills them on purpose), and stops everything — each in its own process group, so
// grandchildren (next start under npm start) go too and nothing is left running.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

export type ProcessSpec = {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  /** Restart after an unexpected exit (services do; one-off tools do not). */
  restart?: boolean;
};

type Managed = { spec: ProcessSpec; child: ChildProcess; exited: Promise<void> };

const RESTART_DELAY_MS = 1_000;

export class Supervisor {
  private readonly running = new Map<string, Managed>();
  private readonly crashes = new Map<string, number>();
  private stopping = false;

  /** `output` receives each line a child prints, already prefixed with its name. */
  constructor(private readonly output: (line: string) => void = (line) => console.log(line)) {}

  start(spec: ProcessSpec): void {
    const child = spawn(spec.command, spec.args, { env: { ...process.env, ...spec.env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on("line", (line) => this.output(`[${spec.name}] ${line}`));
    }
    const exited = new Promise<void>((resolve) => {
      child.once("exit", (code, signal) => {
        resolve();
        if (this.running.get(spec.name)?.child !== child || this.stopping) return;
        this.running.delete(spec.name);
        this.crashes.set(spec.name, this.crashCount(spec.name) + 1);
        this.output(`[${spec.name}] exited (${signal ?? `code ${String(code)}`})${spec.restart ? `; restarting in ${RESTART_DELAY_MS / 1000}s` : ""}`);
        if (spec.restart) setTimeout(() => !this.stopping && !this.running.has(spec.name) && this.start(spec), RESTART_DELAY_MS);
      });
    });
    child.once("error", (error) => this.output(`[${spec.name}] could not start: ${error.message}`));
    this.running.set(spec.name, { spec, child, exited });
  }

  /** How often the process exited without being asked to. */
  crashCount(name: string): number {
    return this.crashes.get(name) ?? 0;
  }

  isRunning(name: string): boolean {
    return this.running.has(name);
  }

  /** Sends `signal` to one process (and its group); a service with restart on comes back by itself. */
  signal(name: string, signal: NodeJS.Signals): void {
    const managed = this.running.get(name);
    if (managed) signalGroup(managed.child, signal);
  }

  /** Stops one process and waits for it; it is not restarted. */
  async stopOne(name: string, graceMs = 10_000): Promise<void> {
    const managed = this.running.get(name);
    if (!managed) return;
    this.running.delete(name);
    await stopManaged(managed, graceMs);
  }

  /** SIGTERM to every process in reverse start order, SIGKILL to any still there after `graceMs`. */
  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    const all = [...this.running.values()].reverse();
    this.running.clear();
    for (const managed of all) await stopManaged(managed, graceMs);
  }
}

async function stopManaged(managed: Managed, graceMs: number): Promise<void> {
  if (managed.child.exitCode !== null || managed.child.signalCode !== null) return;
  signalGroup(managed.child, "SIGTERM");
  const timer = setTimeout(() => signalGroup(managed.child, "SIGKILL"), graceMs);
  await managed.exited;
  clearTimeout(timer);
  // The leader is gone; anything it left in its group goes with it.
  signalGroup(managed.child, "SIGKILL");
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}
