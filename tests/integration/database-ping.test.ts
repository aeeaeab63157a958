import fs from "node:fs/promises";
import net from "node:net";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { countAppliedMigrations, disconnectDb, pingDatabase } from "@/lib/db";
import { INTEGRATION_DATABASE_URL } from "./env";
import { startThrowawayPostgres, type ThrowawayPostgres } from "./support/throwaway-postgres";

// lib/db reads the URL from lib/config; each test points it at the database it needs.
const config = vi.hoisted(() => ({ databaseUrl: "" }));
vi.mock("@/lib/config", () => ({ getConfig: () => config }));

const SLACK_MS = 700;

async function useDatabase(url: string): Promise<void> {
  await disconnectDb();
  config.databaseUrl = url;
}

/** Accepts TCP connections and never answers: a hung Postgres. */
async function startSilentServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("silent server has no port");
  const close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  };
  return { port: address.port, close };
}

afterEach(async () => {
  await disconnectDb();
});

describe("pingDatabase", () => {
  it("reports the shared Postgres up", async () => {
    await useDatabase(INTEGRATION_DATABASE_URL);
    const ping = await pingDatabase();
    expect(ping).toMatchObject({ up: true });
    expect(ping.latencyMs).toBeLessThan(2_000);
  });

  it("reports a closed port down at once, in one short line", async () => {
    await useDatabase("postgresql://postgres@127.0.0.1:1/flowdeck");
    const ping = await pingDatabase();
    expect(ping).toMatchObject({ up: false, error: "connection refused at 127.0.0.1:1" });
    expect(ping.latencyMs).toBeLessThan(1_000);
  });

  it("gives up on a server that never answers once its timeout passes", async () => {
    const silent = await startSilentServer();
    try {
      await useDatabase(`postgresql://postgres@127.0.0.1:${silent.port}/flowdeck`);
      const ping = await pingDatabase(300);
      expect(ping).toMatchObject({ up: false, error: `no answer from 127.0.0.1:${silent.port} within 300 ms` });
      expect(ping.latencyMs).toBeLessThan(300 + SLACK_MS);
    } finally {
      await silent.close(); // first, so the pool's pending connect fails now instead of at its own timeout
      await disconnectDb();
    }
  });

  it("names a missing database", async () => {
    await useDatabase("postgresql://postgres@127.0.0.1:5432/flowdeck_no_such_database");
    const ping = await pingDatabase();
    expect(ping).toMatchObject({ up: false, error: 'database "flowdeck_no_such_database" does not exist (127.0.0.1:5432)' });
  });
});

describe("countAppliedMigrations", () => {
  it("counts the migrations global-setup applied", async () => {
    await useDatabase(INTEGRATION_DATABASE_URL);
    const folders = (await fs.readdir("prisma/migrations", { withFileTypes: true })).filter((entry) => entry.isDirectory());
    expect(await countAppliedMigrations()).toBe(folders.length);
  });

  it("is 0 for a database Prisma never migrated", async () => {
    await useDatabase("postgresql://postgres@127.0.0.1:5432/postgres");
    expect(await countAppliedMigrations()).toBe(0);
  });
});

describe("when Postgres stops under an open pool", () => {
  let postgres: ThrowawayPostgres | undefined;

  afterAll(async () => {
    await disconnectDb();
    await postgres?.destroy();
  });

  it("the process survives, reports it down, and recovers when it is back", async () => {
    postgres = await startThrowawayPostgres();
    await useDatabase(postgres.url);
    expect(await pingDatabase()).toMatchObject({ up: true }); // leaves an idle connection in the pool
    const stderr = vi.spyOn(process.stderr, "write");

    await postgres.stop(); // the server ends the idle connection: the pool emits 'error'
    await vi.waitFor(() => expect(stderr.mock.calls.some(([chunk]) => String(chunk).includes("idle Postgres connection lost"))).toBe(true), {
      timeout: 5_000,
      interval: 50,
    });
    const down = await pingDatabase();
    expect(down.up).toBe(false);
    expect(down.up ? "" : down.error).toMatch(/^connection refused at 127\.0\.0\.1:\d+$/);

    await postgres.start();
    expect(await pingDatabase()).toMatchObject({ up: true });
    stderr.mockRestore();
  });
});
