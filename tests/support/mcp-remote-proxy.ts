// mcp-remote (the stdio proxy desktop hosts use for remote servers) started as a host starts it, with its OAuth
// state in a folder of its own (never ~/.mcp-auth) and no browser to open: it prints the authorization URL on
// stderr ("Please authorize this client by visiting: <url>"), which the test hands to Playwright instead.
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startMcpRemote(url: string) {
  const configDir = await mkdtemp(path.join(tmpdir(), "mcp-remote-"));
  const callbackPort = await freePort();
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [path.resolve("node_modules/mcp-remote/dist/proxy.js"), url, String(callbackPort), "--host", "127.0.0.1", "--allow-http", "--transport", "http-first"],
    // BROWSER=true: the opener it tries (xdg-open, then $BROWSER) does nothing and succeeds, so no window opens.
    env: { ...(process.env as Record<string, string>), MCP_REMOTE_CONFIG_DIR: configDir, BROWSER: "true", DISPLAY: "" },
    stderr: "pipe",
  });
  let stderr = "";
  const listeners: Array<() => void> = [];
  transport.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    listeners.forEach((listener) => listener());
  });
  return {
    transport,
    redirectUri: `http://127.0.0.1:${callbackPort}/oauth/callback`,
    stderr: () => stderr,
    /**
     * The authorization URL it printed, once its callback server listens: it prints the URL first and starts the
     * server after its browser attempt, so a quick approval could otherwise reach a closed port.
     */
    authorizationUrl(timeoutMs = 30_000): Promise<URL> {
      const find = () => (/Waiting for authorization/.test(stderr) ? /Please authorize this client by visiting:\s*(\S+)/.exec(stderr)?.[1] : undefined);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`mcp-remote printed no authorization URL:\n${stderr}`)), timeoutMs);
        const check = () => {
          const found = find();
          if (!found) return;
          clearTimeout(timer);
          resolve(new URL(found));
        };
        listeners.push(check);
        check();
      });
    },
    cleanUp: () => rm(configDir, { recursive: true, force: true }),
  };
}
