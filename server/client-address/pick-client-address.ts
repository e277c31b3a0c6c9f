// Which address a request came from, from the X-Forwarded-For chain, the socket peer and how many proxies in front
// of us we trust. Pure, so the hop arithmetic is tested on its own (tests/unit/client-address.test.ts).
import { isIP } from "node:net";

export interface AddressSources {
  /** The X-Forwarded-For header as received: client-written entries on the left, each trusted proxy appends one. */
  forwardedFor: string | null;
  /** The TCP peer of our own server, or null when it is not known for certain. */
  peer: string | null;
  /** Proxies in front of the app that each append the address they were connected from (TRUSTED_PROXY_HOPS). */
  trustedHops: number;
}

/**
 * The right-most address no trusted hop vouches for, or null when there is none to believe.
 * With 0 hops that is the socket peer: anything in X-Forwarded-For was written by the client. With n hops the
 * outermost trusted proxy wrote entry n counted from the right (the peer is the innermost proxy, so it is not needed).
 * A chain shorter than n means a proxy did not append, or the request did not come through the proxies at all:
 * the left-most entry would then be client-written, so we refuse rather than guess.
 */
export function pickClientAddress({ forwardedFor, peer, trustedHops }: AddressSources): string | null {
  if (trustedHops <= 0) return normalizeAddress(peer);
  const entries = forwardedFor ? forwardedFor.split(",") : [];
  if (entries.length < trustedHops) return null;
  return normalizeAddress(entries[entries.length - trustedHops]);
}

/** One address in canonical form: ports and brackets dropped, IPv4-mapped IPv6 as IPv4, IPv6 lower case; else null. */
export function normalizeAddress(value: string | null | undefined): string | null {
  let v = value?.trim();
  if (!v) return null;
  const bracketed = v.match(/^\[([^\]]+)\](?::\d{1,5})?$/);
  if (bracketed) v = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d{1,5}$/.test(v)) v = v.slice(0, v.lastIndexOf(":"));
  const kind = isIP(v);
  if (kind === 4) return v;
  if (kind !== 6) return null;
  v = v.toLowerCase();
  return v.match(/^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/)?.[1] ?? v;
}
