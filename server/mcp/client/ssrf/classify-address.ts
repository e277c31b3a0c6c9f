// Which IP addresses an outbound request may reach. Only plain public unicast passes; everything ipaddr.js names
// (loopback, private, link-local, unique-local, multicast, carrier-grade NAT, NAT64/6to4/Teredo wrappers that can
// smuggle an IPv4 address, reserved ...) is refused. IPv4-mapped IPv6 is unwrapped first.
import ipaddr from "ipaddr.js";

// IPv4-compatible IPv6 (RFC 4291 section 2.5.5.1, deprecated): ::a.b.c.d. ipaddr.js calls most of ::/96 "unicast",
// and some stacks still route it to the embedded IPv4 address, so the whole block is refused.
const ipv4Compatible = ipaddr.parseCIDR("::/96");

export function addressRange(address: string): string {
  if (!ipaddr.isValid(address)) return "invalid";
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  if (range === "unicast" && parsed.kind() === "ipv6" && parsed.match(ipv4Compatible)) return "ipv4Compatible";
  return range;
}

export function isPublicAddress(address: string): boolean {
  return addressRange(address) === "unicast";
}
