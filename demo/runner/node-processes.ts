// How the demo's TypeScript processes are started: Node with tsx, from the project root.
import type { ServiceName } from "../services/runtime";
import type { ProcessSpec } from "./supervisor";

export const SERVICES: readonly ServiceName[] = ["order", "inventory", "payment", "shipping"];

export function serviceProcess(service: ServiceName, env: Record<string, string>): ProcessSpec {
  return { name: service, command: process.execPath, args: ["--import", "tsx", `demo/services/${service}/main.ts`], env, restart: true };
}

export function loadGeneratorProcess(env: Record<string, string>): ProcessSpec {
  return { name: "load", command: process.execPath, args: ["--import", "tsx", "demo/load/main.ts"], env, restart: true };
}
