// The outbound-address policy shared by the URL check and the connection-time lookup.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { promisify } from "node:util";
import { allowPrivateNetwork } from "@/server/env";
import { isPublicAddress } from "./classify-address";

export type LookupAll = (hostname: string) => Promise<LookupAddress[]>;

export interface SsrfOptions {
  /** Operator switch (MCP_ALLOW_PRIVATE_NETWORK); defaults to the environment's setting. */
  allowPrivate?: boolean;
  /** Which addresses may be reached; defaults to public unicast only. */
  isAllowedAddress?: (address: string) => boolean;
  /** DNS resolution, replaceable in tests. */
  lookup?: LookupAll;
}

const lookupAsync = promisify(dnsLookup);
export const systemLookup: LookupAll = (hostname) => lookupAsync(hostname, { all: true });

export function resolvePolicy(options: SsrfOptions = {}) {
  const allowPrivate = options.allowPrivate ?? allowPrivateNetwork;
  const isAllowed = allowPrivate ? () => true : (options.isAllowedAddress ?? isPublicAddress);
  return { allowPrivate, isAllowed, lookup: options.lookup ?? systemLookup };
}
