// The version gate as a person on an old Node meets it: `npm run dev`, `npm start`, `npm test` stop at once with one
// line. Runs on the machine's old Node (Debian ships 20) when there is one, and always on a Node that reports v20.
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const gate = path.resolve("scripts/check-node-version.cjs");
const shim = path.resolve("tests/support/fake-node-version.cjs");
const oneLine = /^Switchyard needs Node\.js 22\.12\.0 or newer \(24 LTS recommended\); this is Node 20\.\d+\.\d+\. Get Node 24 without root: npm install --prefix \S+ node-\w+-\w+@24 && export PATH=\S+:\$PATH/;

/** The first node on this machine older than 22 (/usr/bin/node is Debian's 20 on the project's machines), if any. */
function findOldNode(): { node: string; version: string } | null {
  const which = spawnSync("which", ["-a", "node"], { encoding: "utf8" }).stdout ?? "";
  const candidates = [...new Set(["/usr/bin/node", "/usr/local/bin/node", ...which.split("\n").filter(Boolean)])];
  for (const node of candidates) {
    const version = spawnSync(node, ["-p", "process.version"], { encoding: "utf8" }).stdout?.trim() ?? "";
    if (/^v(1\d|2[01])\./.test(version)) return { node, version };
  }
  return null;
}

type Env = Record<string, string>;
type OldNode = { name: string; node: string; env: Env };
const oldNodes: OldNode[] = [
  // No machine is needed for this one: every node the commands start reports v20.20.2 through the --require shim.
  { name: "a Node that reports v20.20.2", node: process.execPath, env: { NODE_OPTIONS: `--require "${shim}"`, FAKE_NODE_VERSION: "v20.20.2" } },
];
const real = findOldNode();
if (real) {
  const env = { PATH: `${path.dirname(real.node)}:${process.env.PATH}` };
  oldNodes.unshift({ name: `the machine's Node ${real.version}`, node: real.node, env });
}

// Were the gate missing, `next dev` / `next start` would listen here rather than on a port someone else uses.
let sparePort = 0;
beforeAll(async () => {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  sparePort = (server.address() as AddressInfo).port;
  server.close();
});

/** Runs a command in its own process group and kills the whole group if it outlives the limit (a missing gate
 * would otherwise start the real `next dev` or a nested test run). */
function run(command: string, args: string[], env: Env, limitMs = 20_000) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, PORT: String(sparePort), ...env }, detached: true });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), limitMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** What is left once npm's own "> switchyard@0.1.0 test" header is taken away. */
function ourLines(output: string) {
  return output.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("> "));
}

describe.each(oldNodes)("on $name", ({ node, env }) => {
  it("the gate prints one line naming the version needed and how to get Node 24, and exits 1", async () => {
    const { code, output } = await run(node, [gate], env);
    expect(ourLines(output), output).toHaveLength(1);
    expect(ourLines(output)[0]).toMatch(oneLine);
    expect(code).toBe(1);
  });

  it.each(["test", "run dev", "start"])("`npm %s` stops at once with that one line and no stack trace", { timeout: 30_000 }, async (command) => {
    const { code, output } = await run("npm", command.split(" "), env);
    expect(ourLines(output), output).toHaveLength(1);
    expect(ourLines(output)[0]).toMatch(oneLine);
    expect(output).not.toMatch(/^\s+at /m);
    expect(code).toBe(1);
  });
});

it("on this Node (the one the suite runs on, 22.12 or newer) the gate stays silent and lets the command run", async () => {
  const { code, output } = await run(process.execPath, [gate], {});
  expect(output).toBe("");
  expect(code).toBe(0);
});
