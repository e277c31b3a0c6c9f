// postgres.js answers a connection that closes before the server said anything by reconnecting at once, forever,
// while the query that asked for it waits: its connect timeout restarts with every attempt. A proxy or load
// balancer in front of an absent database does exactly that (accept, then close), so requests would hang instead
// of answering 503. This socket turns such a close into a connection error, which postgres.js hands to the waiting
// query and follows with its backoff.
import net from "node:net";

interface SocketOptions {
  host: string[];
  port: number[];
  path?: string | false;
}

export function failFastSocket({ host, port, path }: SocketOptions): net.Socket {
  // Already connecting when handed over: postgres.js writes its first message at once, and net buffers it.
  const socket = path ? net.connect({ path }) : net.connect({ host: host[0], port: port[0] });
  // postgres.js reads these for TLS: the host becomes the SNI server name that managed databases route by.
  Object.assign(socket, { host: host[0], port: port[0] });
  let answered = false;
  socket.once("data", () => {
    answered = true;
  });
  socket.once("end", () => {
    if (answered) return;
    const error = Object.assign(new Error("The database closed the connection before answering."), { code: "ECONNRESET" });
    socket.destroy(error);
  });
  return socket;
}

/** Seconds before the next attempt after `retries` failed ones: quick at first, at most 2 s, so recovery is prompt. */
export const reconnectBackoff = (retries: number) => Math.min(0.05 * 2 ** retries, 2);
