// Next's server keeps a client-sent X-Forwarded-For as it is and only fills it in when absent
// (next/dist/server/base-server.js: `x-forwarded-for ??= socket.remoteAddress`), and route handlers never see the
// socket. So with no proxy in front there is nothing in a request that says who connected. This hook, installed once
// per process from instrumentation.ts, copies each request's socket address into a header before Next reads the
// headers. The header's name is drawn at random per process: a client cannot write it, not even in a request that
// arrived while the server was still starting, before the hook went in (such a request simply has no address).
import "server-only";
import { randomBytes } from "node:crypto";
import http from "node:http";
import https from "node:https";

const headerSlot = Symbol.for("switchyard.peerAddressHeader");
type WithSlot = { [headerSlot]?: string };

/** Wraps `emit` of every HTTP(S) server in this process; a second call does nothing. */
export function installPeerAddressHook(): void {
  const global = globalThis as WithSlot;
  if (global[headerSlot]) return;
  const header = `x-switchyard-peer-${randomBytes(12).toString("hex")}`;
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit;
    Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const request = args[0] as http.IncomingMessage;
        const address = request.socket?.remoteAddress;
        if (address) request.headers[header] = address;
      }
      return Reflect.apply(emit, this, [event, ...args]) as boolean;
    } as typeof emit;
  }
  global[headerSlot] = header;
}

/** The header the hook writes, or null when it does not run in this process (tests, a custom server). */
export function peerAddressHeader(): string | null {
  return (globalThis as WithSlot)[headerSlot] ?? null;
}
