// Which IP addresses an outbound request may reach. Only plain public unicast passes; everything ipaddr.js names
// (loopback, private, link-local, unique-local, multicast, carrier-grade NAT, NAT64/6to4/Teredo wrappers that can
// smuggle an IPv4 address, reserved ...) is refused. IPv4-mapped IPv6 is unwrapped first.
import ipaddr from "ipaddr.js";

export function addressRange(address: string): string {
  if (!ipaddr.isValid(address)) return "invalid";
  return ipaddr.process(address).range();
}

export function isPublicAddress(address: string): boolean {
  return addressRange(address) === "unicast";
}
