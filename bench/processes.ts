// Starting and watching the servers under test: readiness, peak resident memory of the whole process tree, stop.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

export interface Watched {
  child: ChildProcess;
  /** Highest summed RSS (MB) seen since start or the last reset. */
  peakRssMb(): number;
  resetPeak(): void;
  stop(): Promise<void>;
}

const running = new Set<Watched>();

/** Stops every server still running; the benchmark calls it on the way out, even after a failure. */
export async function stopAll() {
  await Promise.all([...running].map((w) => w.stop()));
}

export function startWatched(command: string, args: string[], env: NodeJS.ProcessEnv): Watched {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "inherit"], detached: true });
  let peak = 0;
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  // The server runs in its own process group, so its workers go with it; a group already gone is fine.
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already exited
    }
  };
  const timer = setInterval(() => (peak = Math.max(peak, treeRssMb(child.pid!))), 100);
  const watched: Watched = {
    child,
    peakRssMb: () => Math.round(Math.max(peak, treeRssMb(child.pid!))),
    resetPeak: () => void (peak = 0),
    stop: async () => {
      running.delete(watched);
      clearInterval(timer);
      if (hasExited()) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      killGroup("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (!hasExited()) killGroup("SIGKILL");
    },
  };
  running.add(watched);
  return watched;
}

/** Resolves once stdout prints a line matching `pattern` (e.g. the port or "Ready"). */
export function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = 60_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${seen}`)), timeoutMs);
    child.stdout!.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.once("exit", (code) => reject(new Error(`exited with ${code} before ${pattern}; output:\n${seen}`)));
  });
}

function treeRssMb(pid: number): number {
  let kb = 0;
  for (const id of [pid, ...descendants(pid)]) {
    const match = /VmRSS:\s+(\d+)/.exec(readSafe(`/proc/${id}/status`));
    if (match) kb += Number(match[1]);
  }
  return kb / 1024;
}

/** CPU seconds (user + system) the process and its descendants used so far; /proc/<pid>/stat fields 14 and 15. */
export function treeCpuSeconds(pid: number): number {
  let ticks = 0;
  for (const id of [pid, ...descendants(pid)]) {
    // The command name (field 2) may hold spaces: count fields from after its closing parenthesis.
    const fields = readSafe(`/proc/${id}/stat`).split(") ")[1]?.split(" ") ?? [];
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  }
  // USER_HZ is 100 on Linux builds of every architecture Node ships for.
  return ticks / 100;
}

function descendants(pid: number): number[] {
  const children = readdirSafe(`/proc/${pid}/task`).flatMap((task) =>
    readSafe(`/proc/${pid}/task/${task}/children`).split(/\s+/).filter(Boolean).map(Number),
  );
  return children.flatMap((child) => [child, ...descendants(child)]);
}

const readSafe = (file: string) => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
};
const readdirSafe = (dir: string) => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};
