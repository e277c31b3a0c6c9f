// A TCP proxy in front of a real service, so a test can take it "down" and bring it back on the same port, as a
// restart would: down() drops every open connection and stops listening (new connections are refused).
import { createServer, connect, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

export async function startTcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => {});
    }
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  const dropAll = () => sockets.forEach((s) => s.destroy());
  return {
    port,
    down: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      dropAll();
    }),
    up: () => listen(port),
    close: () => new Promise<void>((resolve) => {
      dropAll();
      if (server.listening) server.close(() => resolve());
      else resolve();
    }),
  };
}
