import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressRange, isPublicAddress } from "@/server/mcp/client/ssrf/classify-address";
import { assertPublicUrl } from "@/server/mcp/client/ssrf/assert-public-url";
import { createGuardedFetch } from "@/server/mcp/client/ssrf/guarded-fetch";

const strict = { allowPrivate: false };

const refusedUrls = [
  "http://127.0.0.1/",
  "http://127.1/",
  "http://2130706433/", // decimal
  "http://0x7f000001/", // hex
  "http://017700000001/", // octal
  "http://0177.0.0.1/",
  "http://0x7f.0.0.1/",
  "http://localhost./", // resolved below through the fake lookup
  "http://0.0.0.0/",
  "http://0/",
  "http://10.0.0.1/",
  "http://172.16.5.4/",
  "http://192.168.1.1/",
  "http://169.254.169.254/latest/meta-data/", // cloud metadata
  "http://100.64.0.1/", // carrier-grade NAT
  "http://224.0.0.1/", // multicast
  "http://255.255.255.255/",
  "http://[::1]/",
  "http://[::]/",
  "http://[0:0:0:0:0:0:0:1]/",
  "http://[::ffff:127.0.0.1]/", // IPv4-mapped
  "http://[::ffff:7f00:1]/",
  "http://[::ffff:169.254.169.254]/",
  "http://[fe80::1]/", // link-local
  "http://[fc00::1]/", // unique-local
  "http://[fd12:3456::1]/",
  "http://[ff02::1]/", // multicast
  "http://[64:ff9b::7f00:1]/", // NAT64 wrapping 127.0.0.1
  "http://[2002:7f00:1::]/", // 6to4 wrapping 127.0.0.1
  "http://[::127.0.0.1]/", // IPv4-compatible (::/96): the URL parser turns it into [::7f00:1]
  "http://[::7f00:1]/",
  "http://[0:0:0:0:0:0:127.0.0.1]/",
  "http://[0000:0000:0000:0000:0000:0000:7f00:0001]/",
  "http://[::10.0.0.1]/",
  "http://[::169.254.169.254]/",
  "http://[::a9fe:a9fe]/",
  "http://[::8.8.8.8]/", // even a public IPv4 address: the whole ::/96 block is refused
  "https://internal.example/", // a name resolving to a private address
  "https://split.example/", // one public and one private record
  "https://compat.example/",
];

const fakeDns: Record<string, string[]> = {
  "localhost": ["127.0.0.1"],
  "internal.example": ["10.1.2.3"],
  "split.example": ["93.184.216.34", "192.168.0.10"],
  "public.example": ["93.184.216.34", "2606:2800:220:1::1"],
  "compat.example": ["::7f00:1"], // a AAAA record holding an IPv4-compatible address
};
const lookup = async (name: string) => (fakeDns[name] ?? []).map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

describe("SSRF address policy", () => {
  it.each(refusedUrls)("refuses %s", async (url) => {
    await expect(assertPublicUrl(url, { ...strict, lookup })).rejects.toMatchObject({ code: "forbidden:ssrf" });
  });

  it("allows public addresses and names", async () => {
    await expect(assertPublicUrl("https://public.example/mcp", { ...strict, lookup })).resolves.toBeInstanceOf(URL);
    await expect(assertPublicUrl("https://8.8.8.8/", strict)).resolves.toBeInstanceOf(URL);
    expect(isPublicAddress("2001:4860:4860::8888")).toBe(true);
  });

  it("names the range it refused", () => {
    expect(addressRange("::ffff:10.0.0.1")).toBe("private");
    expect(addressRange("169.254.1.1")).toBe("linkLocal");
    expect(addressRange("::7f00:1")).toBe("ipv4Compatible");
  });

  it("refuses non-http schemes and unresolvable names with their own errors", async () => {
    for (const url of ["file:///etc/passwd", "gopher://example.com/", "javascript:alert(1)"]) {
      await expect(assertPublicUrl(url, strict)).rejects.toMatchObject({ code: "bad_request:url" });
    }
    await expect(assertPublicUrl("https://nowhere.example/", { ...strict, lookup })).rejects.toMatchObject({ code: "bad_request:dns" });
    await expect(assertPublicUrl("not a url", strict)).rejects.toMatchObject({ code: "bad_request:url" });
  });

  it("lets the operator allow private networks", async () => {
    await expect(assertPublicUrl("http://127.0.0.1:8080/", { allowPrivate: true })).resolves.toBeInstanceOf(URL);
  });
});

// Both transports keep fetch's contract; the request transport is what model providers use.
describe.each(["fetch", "request"] as const)("guarded fetch (%s transport)", (transport) => {
  let server: Server;
  let base: string;
  // Treat 127.0.0.1 as "public" for these tests so a real local server can stand in for the internet.
  const policy = { allowPrivate: false, isAllowedAddress: (a: string) => a === "127.0.0.1", transport };
  let releaseStream = () => {};

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      if (req.url === "/same") return res.writeHead(302, { location: "/final" }).end();
      if (req.url === "/post-303") return res.writeHead(303, { location: "/final" }).end();
      if (req.url === "/to-private") return res.writeHead(302, { location: `http://127.0.0.2:${port()}/final` }).end();
      if (req.url === "/loop") return res.writeHead(302, { location: "/loop" }).end();
      if (req.url === "/echo") {
        let body = "";
        for await (const chunk of req) body += chunk;
        const seen = { body, contentType: req.headers["content-type"], key: req.headers["x-api-key"], encoding: req.headers["accept-encoding"] };
        return res.writeHead(201, { "content-type": "application/json", "set-cookie": ["a=1", "b=2"] }).end(JSON.stringify(seen));
      }
      if (req.url === "/empty") return res.writeHead(204).end();
      if (req.url === "/slow") return void setTimeout(() => res.writeHead(200).end("late"), 2_000);
      if (req.url === "/events") {
        res.writeHead(200, { "content-type": "text/event-stream" }).write("data: first\n\n");
        // The second event waits for the client to have read the first: the answer must arrive as a stream.
        return void new Promise<void>((resolve) => (releaseStream = resolve)).then(() => res.end("data: second\n\n"));
      }
      res.writeHead(200, { "content-type": "text/plain" }).end(`${req.method} ${req.url}`);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${port()}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  const port = () => (server.address() as AddressInfo).port;

  it("follows same-origin redirects and re-checks each hop", async () => {
    const fetch = createGuardedFetch(policy);
    expect(await (await fetch(`${base}/same`)).text()).toBe("GET /final");
    expect(await (await fetch(`${base}/post-303`, { method: "POST", body: "x" })).text()).toBe("GET /final");
  });

  it("refuses a redirect to another origin or a private address", async () => {
    const fetch = createGuardedFetch(policy);
    await expect(fetch(`${base}/to-private`)).rejects.toMatchObject({ code: "bad_request:redirect" });
    const open = createGuardedFetch({ allowPrivate: true, transport });
    await expect(open(`${base}/to-private`)).rejects.toMatchObject({ code: "bad_request:redirect" });
  });

  it("stops redirect loops", async () => {
    await expect(createGuardedFetch({ ...policy, maxRedirects: 3 })(`${base}/loop`)).rejects.toMatchObject({ code: "bad_request:redirect" });
  });

  it("refuses at connect time when DNS answers differently than at check time (rebinding)", async () => {
    let calls = 0;
    const rebinding = async () => [{ address: calls++ === 0 ? "127.0.0.1" : "127.0.0.9", family: 4 }];
    const fetch = createGuardedFetch({ ...policy, lookup: rebinding });
    await expect(fetch(`http://rebind.example:${port()}/final`)).rejects.toThrow();
    expect(calls).toBe(2);
  });

  it("connects through the checked lookup when allowed", async () => {
    const fetch = createGuardedFetch({ ...policy, lookup: async () => [{ address: "127.0.0.1", family: 4 }] });
    expect(await (await fetch(`http://named.example:${port()}/final`)).text()).toBe("GET /final");
  });

  it("refuses a private target outright", async () => {
    await expect(createGuardedFetch({ allowPrivate: false, transport })(`${base}/final`)).rejects.toMatchObject({ code: "forbidden:ssrf" });
  });

  it("sends the body and headers, and answers with status, headers, body and url as fetch does", async () => {
    const response = await createGuardedFetch(policy)(`${base}/echo`, {
      method: "POST",
      headers: { "content-type": "application/json", "X-Api-Key": "k-1" },
      body: JSON.stringify({ q: "hi" }),
    });
    expect(response).toBeInstanceOf(Response);
    expect(response).toMatchObject({ status: 201, statusText: "Created", url: `${base}/echo` });
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    const seen = await response.json();
    expect(seen).toMatchObject({ body: '{"q":"hi"}', contentType: "application/json", key: "k-1" });
    if (transport === "request") expect(seen.encoding).toBe("identity");
  });

  it("answers 204 without a body", async () => {
    const response = await createGuardedFetch(policy)(`${base}/empty`);
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it("hands an event stream on as it arrives", async () => {
    const response = await createGuardedFetch(policy)(`${base}/events`);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    expect((await reader.read()).value).toBe("data: first\n\n");
    releaseStream();
    let rest = "";
    for (let part = await reader.read(); !part.done; part = await reader.read()) rest += part.value;
    expect(rest).toBe("data: second\n\n");
  });

  it("rejects with the signal's reason when aborted, and with TypeError('fetch failed') when it cannot connect", async () => {
    const controller = new AbortController();
    const reason = new Error("stopped by the user");
    setTimeout(() => controller.abort(reason), 50);
    await expect(createGuardedFetch(policy)(`${base}/slow`, { signal: controller.signal })).rejects.toBe(reason);

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const failure = await createGuardedFetch(policy)(`http://127.0.0.1:${closedPort}/`).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect(failure).toMatchObject({ message: "fetch failed", cause: { code: "ECONNREFUSED" } });
  });
});

describe("guarded fetch, request transport", () => {
  it("refuses a body it cannot send, before sending anything", async () => {
    const fetch = createGuardedFetch({ allowPrivate: true, transport: "request" });
    await expect(fetch("http://127.0.0.1:9/", { method: "POST", body: new URLSearchParams("a=1") })).rejects.toThrow(/only string or byte bodies/);
  });
});

describe("OAuth discovery through the guard", () => {
  // An authorization server on 127.0.0.1 (treated as public here) whose metadata points its endpoints at private
  // addresses, as a hostile or compromised server would to make us call into the internal network.
  let as: Server;
  let issuer: string;
  const policy = { allowPrivate: false, isAllowedAddress: (a: string) => a === "127.0.0.1" };

  beforeAll(async () => {
    as = createServer((req, res) => {
      if (req.url === "/.well-known/oauth-authorization-server") {
        res.writeHead(200, { "content-type": "application/json" });
        return void res.end(
          JSON.stringify({
            issuer,
            authorization_endpoint: `${issuer}/authorize`,
            token_endpoint: "http://10.0.0.5/token",
            registration_endpoint: "http://169.254.169.254/register",
            response_types_supported: ["code"],
            code_challenge_methods_supported: ["S256"],
          }),
        );
      }
      if (req.url === "/moved/.well-known/oauth-authorization-server") return void res.writeHead(302, { location: "http://127.0.0.2/metadata" }).end();
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => as.listen(0, "127.0.0.1", resolve));
    issuer = `http://127.0.0.1:${(as.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => as.close(resolve)));

  it("refuses registration and token endpoints that point at private addresses", async () => {
    const { discoverAuthorizationServerMetadata, registerClient, exchangeAuthorization } = await import("@modelcontextprotocol/sdk/client/auth.js");
    const fetchFn = createGuardedFetch(policy);
    const metadata = await discoverAuthorizationServerMetadata(issuer, { fetchFn });
    expect(metadata?.token_endpoint).toBe("http://10.0.0.5/token");
    await expect(registerClient(issuer, { metadata, clientMetadata: { redirect_uris: ["http://localhost/cb"] }, fetchFn })).rejects.toMatchObject({ code: "forbidden:ssrf" });
    await expect(
      exchangeAuthorization(issuer, { metadata, clientInformation: { client_id: "c" }, authorizationCode: "x", codeVerifier: "v", redirectUri: "http://localhost/cb", fetchFn }),
    ).rejects.toMatchObject({ code: "forbidden:ssrf" });
  });

  it("refuses a metadata document that redirects elsewhere", async () => {
    const fetchFn = createGuardedFetch(policy);
    await expect(fetchFn(`${issuer}/moved/.well-known/oauth-authorization-server`)).rejects.toMatchObject({ code: "bad_request:redirect" });
  });
});
