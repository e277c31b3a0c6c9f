// The caller's address for every limit that counts addresses: sign-in, sign-up, API keys, published servers.
import "server-only";
import { env } from "@/server/env";
import { addressSubject } from "./address-subject";
import { peerAddressHeader } from "./peer-address-hook";
import { pickClientAddress } from "./pick-client-address";

let warned = false;

/**
 * The address the nearest untrusted hop connected from (see pickClientAddress), or null when no trusted source
 * says. Callers skip per-address limits on null rather than pool every such caller under one key: a shared
 * "unknown" bucket lets anyone exhaust everyone's budget.
 */
export function clientAddress(headers: Headers): string | null {
  const header = peerAddressHeader();
  const peer = header ? headers.get(header) : null;
  const address = pickClientAddress({
    forwardedFor: headers.get("x-forwarded-for"),
    peer,
    trustedHops: env.TRUSTED_PROXY_HOPS,
  });
  if (!address && !warned) {
    warned = true;
    console.warn(
      `[client-address] a request came without a trusted client address (TRUSTED_PROXY_HOPS=${env.TRUSTED_PROXY_HOPS}); per-address limits skip such requests. See docs/deploy.md.`,
    );
  }
  return address;
}

/** What per-address limits count for this request (an IPv6 /64 as one), or null. */
export function clientSubject(headers: Headers): string | null {
  const address = clientAddress(headers);
  return address ? addressSubject(address) : null;
}
