// `next start` processes of the suite's build on a database of their own (a fresh PostgreSQL database, or a PGlite
// directory), for specs that kill, restart or configure an instance in ways the shared e2e servers cannot be.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "@playwright/test";
import { freshDatabase } from "../../scripts/fresh-database";

export interface OwnInstances {
  env: NodeJS.ProcessEnv;
  /** The admin CLI against this database; on PGlite it may open it only while no instance runs. */
  admin(...args: string[]): Record<string, unknown>;
  /** Starts an instance on `port` and waits until its health route answers. */
  start(port: number): Promise<void>;
  isRunning(port: number): boolean;
  /** Sends `signal` to the instance's whole process group and waits for it to exit. */
  stop(port: number, signal: NodeJS.Signals): Promise<void>;
  /** Stops every instance and drops the database. */
  close(): Promise<void>;
}

/** `name` labels the database and KV prefix; `env` is added to the instances' environment (APP_URL at least). */
export async function ownInstances(name: string, env: Record<string, string>): Promise<OwnInstances> {
  const runId = randomBytes(4).toString("hex");
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `sy-${name}-`));
  const database = await freshDatabase(`sy_${name}_${runId}`, dataDir);
  const fullEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...database.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATA_DIR: dataDir,
    KV_PREFIX: `sy-${name}:${runId}:`,
    ...env,
  };
  const running = new Map<number, ChildProcess>();

  const kill = (child: ChildProcess, signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal); // the whole process group: next start and anything it spawned
    } catch {
      // already gone
    }
  };
  const stop = async (port: number, signal: NodeJS.Signals) => {
    const child = running.get(port);
    if (!child) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    kill(child, signal);
    await exited;
    running.delete(port);
  };

  return {
    env: fullEnv,
    admin(...args) {
      const run = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/admin.ts", ...args], { env: fullEnv, encoding: "utf8" });
      expect(run.status, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as Record<string, unknown>;
    },
    async start(port) {
      const nextBin = path.resolve("node_modules/next/dist/bin/next");
      running.set(port, spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], { env: fullEnv, stdio: "inherit", detached: true }));
      await expect.poll(() => fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.status, () => 0), { timeout: 30_000 }).toBe(200);
    },
    isRunning: (port) => running.has(port),
    stop,
    async close() {
      await Promise.all([...running.keys()].map((port) => stop(port, "SIGTERM")));
      database.drop();
    },
  };
}
