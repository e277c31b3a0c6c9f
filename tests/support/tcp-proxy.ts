// A TCP proxy in front of a real service, so a test can take it "down" and bring it back on the same port, as a
// restart would: down() drops every open connection and stops listening (new connections are refused). With
// `acceptThenClose`, it keeps listening and closes each new connection at once, as a load balancer in front of an
// absent database does. breakOnReply(marker) drops the next answer that holds the marker and breaks its connection,
// as when a connection breaks after the database has run a statement and before its answer arrives.
import { createServer, connect, type Socket } from "node:net";
import { Transform } from "node:stream";
import type { AddressInfo } from "node:net";

export async function startTcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let closeAtOnce = false;
  let closed = false;
  let breakOn: { marker: Buffer; broke: () => void } | null = null;
  const track = (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.on("error", () => {});
  };
  const server = createServer((client) => {
    track(client);
    if (closed) return void client.destroy();
    if (closeAtOnce) return void client.end();
    const upstream = connect(target.port, target.host);
    track(upstream);
    const gate = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        if (!breakOn || !chunk.includes(breakOn.marker)) return done(null, chunk);
        breakOn.broke();
        breakOn = null;
        client.destroy();
        done();
      },
    });
    client.pipe(upstream).pipe(gate).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  const dropAll = () => sockets.forEach((s) => s.destroy());
  return {
    port,
    down: ({ acceptThenClose = false } = {}) =>
      new Promise<void>((resolve) => {
        closeAtOnce = acceptThenClose;
        if (acceptThenClose) resolve();
        else server.close(() => resolve());
        dropAll();
      }),
    /** Resolves once the connection is broken. */
    breakOnReply: (marker: string) => new Promise<void>((broke) => (breakOn = { marker: Buffer.from(marker), broke })),
    /** Forgets a breakOnReply whose marker did not come. */
    stopBreaking: () => void (breakOn = null),
    up: async () => {
      closeAtOnce = false;
      if (!server.listening) await listen(port);
    },
    close: () => new Promise<void>((resolve) => {
      // Clients reconnect at once; a connection that arrives while the server closes must not hold it open.
      closed = true;
      dropAll();
      if (server.listening) server.close(() => resolve());
      else resolve();
    }),
  };
}
