// Next's server keeps a client-sent X-Forwarded-For as it is and only fills it in when absent
// (next/dist/server/base-server.js: `x-forwarded-for ??= socket.remoteAddress`), and route handlers never see the
// socket. So with no proxy in front there is nothing in a request that says who connected. This hook, installed once
// per process from instrumentation.ts, copies each request's socket address into a header only we set: any value a
// client sent under that name is overwritten before Next reads the headers.
import "server-only";
import http from "node:http";
import https from "node:https";

export const peerAddressHeader = "x-switchyard-peer-address";

const installedFlag = Symbol.for("switchyard.peerAddressHook");
type Flagged = { [installedFlag]?: boolean };

/** Wraps `emit` of every HTTP(S) server in this process; a second call does nothing. */
export function installPeerAddressHook(): void {
  const global = globalThis as Flagged;
  if (global[installedFlag]) return;
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit;
    Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const request = args[0] as http.IncomingMessage;
        const address = request.socket?.remoteAddress;
        if (address) request.headers[peerAddressHeader] = address;
        else delete request.headers[peerAddressHeader];
      }
      return Reflect.apply(emit, this, [event, ...args]) as boolean;
    } as typeof emit;
  }
  global[installedFlag] = true;
}

/**
 * Only while the hook runs in this process is the header ours; otherwise (a request that was queued before the
 * hook went in, tests calling handlers directly, a custom server) a client could have written it.
 */
export function isPeerAddressHookInstalled(): boolean {
  return (globalThis as Flagged)[installedFlag] === true;
}
