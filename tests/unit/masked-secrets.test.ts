// The masked-secret rule and URL masking as pure functions: which origins keep a secret, what a URL shows.
import { describe, expect, it } from "vitest";
import { keepMaskedSecrets, maskedField, originOf } from "@/server/crypto/keep-masked-secret";
import { looksLikeToken, maskUrl } from "@/server/crypto/mask-url";

const place = (from: string | null, to: string) => ({ from, to, owner: "the server's", code: "bad_request:mcp_server" as const });

describe("keepMaskedSecrets", () => {
  it("a mask keeps the stored secret while scheme, host and port stay the same, whatever the path", () => {
    expect(keepMaskedSecrets(place("https://h.example/mcp", "https://H.example:443/other?x=1"), [maskedField("API key", "••••abcd", "sealed")])).toEqual(["sealed"]);
  });

  it("a new value is never replaced by the stored one", () => {
    expect(keepMaskedSecrets(place("https://h.example/mcp", "https://other.example/mcp"), [maskedField("API key", "new-value", "sealed")])).toEqual([null]);
  });

  it("another scheme, host or port refuses every masked field by name", () => {
    for (const to of ["http://h.example/mcp", "https://h.example:8443/mcp", "https://evil.example/mcp", "https://h.example.evil.example/mcp"]) {
      const keep = () =>
        keepMaskedSecrets(place("https://h.example/mcp", to), [maskedField("header Authorization", "••••abcd", "a"), maskedField("OAuth client secret", "••••wxyz", "b")]);
      expect(keep, to).toThrow(
        "Enter again: header Authorization, OAuth client secret — saved secrets are kept only while the server's address (scheme, host, port) stays the same.",
      );
    }
  });

  it("a mask with nothing stored is refused even at the same address", () => {
    expect(() => keepMaskedSecrets(place("https://h.example/", "https://h.example/"), [maskedField("header X", "••••abcd", null)])).toThrow(/Enter again: header X — a masked value/);
  });

  it("origins fold default ports and case, and non-URLs have none", () => {
    expect(originOf("HTTPS://Example.com:443/a")).toBe("https://example.com");
    expect(originOf("not a url")).toBeNull();
    expect(originOf(null)).toBeNull();
  });
});

describe("maskUrl", () => {
  it("masks userinfo, query values, the fragment and token-like path segments, showing at most their last 4 characters", () => {
    expect(maskUrl("https://h.example/mcp/sk-abcdefghijkl3xyz")).toBe("https://h.example/mcp/••••3xyz");
    expect(maskUrl("https://user:pa55word-long@h.example:8443/mcp?api_key=qk-4f9a8b7c6d5e&mode=")).toBe("https://••••long@h.example:8443/mcp?api_key=••••6d5e&mode=");
    expect(maskUrl("https://h.example/s/0b7e4f2a-9c1d-4e3b-8a6f-5d2c1b0a9e8f/mcp#token-abcdef123456")).toBe("https://h.example/s/••••9e8f/mcp#••••3456");
  });

  it("leaves an ordinary URL as it is", () => {
    for (const url of ["https://mcp.example.com/mcp", "http://127.0.0.1:8080/v1/sse", "https://h.example/api/v2/tools-and-things"]) expect(maskUrl(url)).toBe(url);
  });

  it("tells tokens from ordinary path words", () => {
    expect(looksLikeToken("ghp_abcdefghij12")).toBe(true);
    expect(looksLikeToken("aB3dE6gH9jK2mN5p")).toBe(true);
    expect(looksLikeToken("mcp")).toBe(false);
    expect(looksLikeToken("streamable-http-endpoint")).toBe(false);
  });
});
