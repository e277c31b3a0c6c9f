// What an address-based limit counts. One IPv6 subscriber usually holds a whole /64 (2^64 addresses), so counting
// single IPv6 addresses would hand an attacker a fresh budget per request: the /64 is the subject instead.
import { isIP } from "node:net";

/** IPv4 addresses as they are; IPv6 addresses as their /64 prefix ("2001:db8:0:1::/64"). */
export function addressSubject(address: string): string {
  if (isIP(address) !== 6) return address;
  return `${expandIpv6(address).slice(0, 4).join(":")}::/64`;
}

/** Eight hextets without leading zeros, whatever the spelling ("::", an IPv4 tail, a zone id). */
function expandIpv6(address: string): string[] {
  let text = address.split("%")[0]!.toLowerCase();
  const v4 = text.match(/(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, -v4[0].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const middle = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...middle, ...right].map((group) => parseInt(group, 16).toString(16));
}
