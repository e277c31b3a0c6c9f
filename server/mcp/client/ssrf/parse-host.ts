// The host part of a URL as the network will see it. WHATWG URL parsing already turns decimal, octal and hex IPv4
// spellings into dotted quads and compresses IPv6, so we only strip brackets and a trailing dot.
import { isIP } from "node:net";

export type ParsedHost = { kind: "ip"; address: string } | { kind: "name"; name: string };

export function parseHost(url: URL): ParsedHost {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");
  return isIP(host) ? { kind: "ip", address: host } : { kind: "name", name: host.toLowerCase() };
}
