import { describe, expect, it } from "vitest";
import { addressSubject } from "@/server/client-address/address-subject";
import { normalizeAddress, pickClientAddress } from "@/server/client-address/pick-client-address";

const pick = (forwardedFor: string | null, trustedHops: number, peer: string | null = "10.0.0.9") =>
  pickClientAddress({ forwardedFor, peer, trustedHops });

describe("the client address from hops", () => {
  it("with no trusted proxy the socket peer is the address and X-Forwarded-For is ignored", () => {
    expect(pick("1.2.3.4", 0, "203.0.113.5")).toBe("203.0.113.5");
    expect(pick(null, 0, "203.0.113.5")).toBe("203.0.113.5");
    expect(pick("1.2.3.4", 0, null)).toBeNull();
  });

  it("with one trusted proxy the right-most entry is the address, whatever the client wrote to its left", () => {
    expect(pick("1.2.3.4, 198.51.100.7", 1)).toBe("198.51.100.7");
    expect(pick("198.51.100.7", 1)).toBe("198.51.100.7");
    expect(pick("spoofed, garbage,, 198.51.100.7", 1)).toBe("198.51.100.7");
  });

  it("with two trusted proxies the second entry from the right is the address", () => {
    expect(pick("6.6.6.6, 198.51.100.7, 172.16.0.2", 2)).toBe("198.51.100.7");
    expect(pick("198.51.100.7, 172.16.0.2", 2)).toBe("198.51.100.7");
  });

  it("more hops than entries gives no address rather than a client-written one", () => {
    expect(pick("198.51.100.7", 2)).toBeNull();
    expect(pick(null, 1)).toBeNull();
    expect(pick("", 1)).toBeNull();
  });

  it("an entry that is not an address gives no address", () => {
    expect(pick("1.2.3.4, unknown", 1)).toBeNull();
    expect(pick("1.2.3.4, _hidden", 1)).toBeNull();
    expect(pick("1.2.3.4, 999.1.1.1", 1)).toBeNull();
    expect(pick("1.2.3.4, 1.2.3.4.5", 1)).toBeNull();
    expect(pick(null, 0, "not an address")).toBeNull();
  });

  it("ports, brackets, case and IPv4-mapped IPv6 are normalized", () => {
    expect(pick("198.51.100.7:51234", 1)).toBe("198.51.100.7");
    expect(pick("[2001:DB8::1]:443", 1)).toBe("2001:db8::1");
    expect(pick("[2001:db8::1]", 1)).toBe("2001:db8::1");
    expect(pick(" 2001:db8::2 ", 1)).toBe("2001:db8::2");
    expect(pick(null, 0, "::ffff:127.0.0.3")).toBe("127.0.0.3");
    expect(normalizeAddress("::1")).toBe("::1");
    expect(normalizeAddress("2001:db8::1:80")).toBe("2001:db8::1:80");
  });
});

describe("what an address limit counts", () => {
  it("an IPv4 address counts on its own", () => {
    expect(addressSubject("198.51.100.7")).toBe("198.51.100.7");
  });

  it("every IPv6 address of one /64 counts as one, however it is spelled", () => {
    const subject = addressSubject("2001:db8:0:1::1");
    expect(subject).toBe("2001:db8:0:1::/64");
    expect(addressSubject("2001:0db8:0000:0001:ffff:ffff:ffff:ffff")).toBe(subject);
    expect(addressSubject("2001:db8:0:1:0:0:1.2.3.4")).toBe(subject);
    expect(addressSubject("2001:db8:0:2::1")).not.toBe(subject);
    expect(addressSubject("::1")).toBe("0:0:0:0::/64");
    expect(addressSubject("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });
});
