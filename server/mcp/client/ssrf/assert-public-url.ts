// Refuses URLs that are not http(s) or that resolve to an address the policy forbids. Every resolved address must
// pass: a name with one public and one private record is refused, since the connection may pick either.
import { AppError } from "@/server/errors";
import { parseHost } from "./parse-host";
import { resolvePolicy, type SsrfOptions } from "./policy";

export async function assertPublicUrl(input: string | URL, options: SsrfOptions = {}): Promise<URL> {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new AppError("bad_request:url", "Enter a full URL starting with https:// or http://.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new AppError("bad_request:url", "Only http:// and https:// URLs are supported.");
  }
  const policy = resolvePolicy(options);
  if (policy.allowPrivate) return url;

  const host = parseHost(url);
  const addresses =
    host.kind === "ip" ? [host.address] : await policy.lookup(host.name).then((all) => all.map((a) => a.address), () => []);
  if (addresses.length === 0) {
    throw new AppError("bad_request:dns", `${url.hostname} could not be resolved. Check the host name.`);
  }
  if (!addresses.every(policy.isAllowed)) throw refused(url);
  return url;
}

export function refused(url: URL): AppError {
  return new AppError(
    "forbidden:ssrf",
    `${url.hostname} points at a private or reserved network address, which is not allowed. ` +
      "Use a public URL, or ask your operator to set MCP_ALLOW_PRIVATE_NETWORK=true for self-hosted networks.",
  );
}
