// A URL as a reader who may not hold its credentials sees it: scheme, host, port and ordinary path kept; userinfo,
// query values, the fragment and path segments that look like tokens masked (the last 4 characters at most).
// Many MCP servers put their key in the URL (`/mcp/<token>`, `?api_key=`), so the URL is a secret like a header.
import { maskSecret } from "./secret-box";

// Prefixes of well-known API keys and tokens (OpenAI/Stripe sk_/pk_, GitHub ghp_/github_pat_, GitLab glpat-, Slack
// xox?-, AWS AKIA, Google ya29.), and words services put before a key.
const TOKEN_PREFIX = /^(sk|pk|rk|ghp|gho|ghu|ghs|ghr|github_pat|glpat|xox[abprs]|akia|ya29|key|api|token|secret|pat)[-_.]/i;
const TOKEN_CHARS = /^[A-Za-z0-9_\-.~+=]+$/;

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Long opaque segments: a known key prefix, or 20+ token characters mixing letters and digits (UUIDs included). */
export function looksLikeToken(segment: string): boolean {
  const text = decode(segment);
  if (text.length >= 12 && TOKEN_PREFIX.test(text)) return true;
  if (!TOKEN_CHARS.test(text) || !/\d/.test(text) || !/[A-Za-z]/.test(text)) return false;
  return text.length >= 20 || (text.length >= 16 && /[a-z]/.test(text) && /[A-Z]/.test(text));
}

function maskQuery(search: string): string {
  if (!search || search === "?") return "";
  const pairs = search.slice(1).split("&").map((pair) => {
    const eq = pair.indexOf("=");
    if (eq === -1) return pair;
    const value = pair.slice(eq + 1);
    return value ? `${pair.slice(0, eq)}=${maskSecret(decode(value))}` : pair;
  });
  return `?${pairs.join("&")}`;
}

/** The shown form of a URL; text that is not a URL is masked whole. The same input always gives the same mask. */
export function maskUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return maskSecret(input);
  }
  const userinfo = url.username || url.password ? `${maskSecret(decode(url.password ? `${url.username}:${url.password}` : url.username))}@` : "";
  const path = url.pathname
    .split("/")
    .map((segment) => (looksLikeToken(segment) ? maskSecret(decode(segment)) : segment))
    .join("/");
  const hash = url.hash.length > 1 ? `#${maskSecret(decode(url.hash.slice(1)))}` : "";
  return `${url.protocol}//${userinfo}${url.host}${path}${maskQuery(url.search)}${hash}`;
}

