// Client ID metadata documents that a hostile or broken client could serve at its client_id URL, over https with the
// certificate the e2e app trusts: too large, too slow, not JSON, naming another client, redirect URIs we refuse,
// a redirect elsewhere, and names with NUL or markup in them. Each path is one document.
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";

type Document = (self: string) => { status?: number; headers?: Record<string, string>; body?: string; delayMs?: number };

export function hostileDocuments(redirectUri: string): Record<string, Document> {
  const valid = (self: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ client_id: self, client_name: "Hostile", redirect_uris: [redirectUri], token_endpoint_auth_method: "none", ...extra });
  return {
    "five megabytes": (self) => ({ body: valid(self, { padding: "x".repeat(5 * 1024 * 1024) }) }),
    "ten seconds to answer": (self) => ({ body: valid(self), delayMs: 10_000 }),
    "not JSON": () => ({ body: "<html>hello</html>", headers: { "content-type": "text/html" } }),
    "a JSON array": () => ({ body: "[1,2,3]" }),
    "another client's id": () => ({ body: valid("https://127.0.0.1:1/someone-else.json") }),
    "a javascript: redirect URI": (self) => ({ body: valid(self, { redirect_uris: ["javascript:alert(1)"] }) }),
    "a redirect URI on plain http elsewhere": (self) => ({ body: valid(self, { redirect_uris: ["http://evil.example/cb"] }) }),
    "a secret-based auth method": (self) => ({ body: valid(self, { token_endpoint_auth_method: "client_secret_basic", client_secret: "s" }) }),
    "a 404": () => ({ status: 404, body: "not here" }),
    "a 500": () => ({ status: 500, body: "broken" }),
    "a redirect to another document": () => ({ status: 302, headers: { location: "https://127.0.0.1:1/elsewhere.json" } }),
    "a NUL in its name": (self) => ({ body: valid(self, { client_name: "Nul\u0000Client" }) }),
    "markup in its name": (self) => ({ body: valid(self, { client_name: "<img src=x onerror=alert(1)>Markup" }) }),
  };
}

export async function startHostileCimdServer({ tls, redirectUri }: { tls: { cert: string; key: string }; redirectUri: string }) {
  const documents = hostileDocuments(redirectUri);
  const names = Object.keys(documents);
  let origin = "";
  const server = createServer(tls, (req, res) => {
    const index = Number(/^\/client\/(\d+)\.json$/.exec(req.url ?? "")?.[1]);
    const document = documents[names[index] ?? ""];
    if (!document) return void res.writeHead(404).end();
    const answer = document(`${origin}${req.url}`);
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(answer.status ?? 200, { "content-type": "application/json", ...answer.headers });
      res.end(answer.body ?? "");
    };
    if (answer.delayMs) setTimeout(send, answer.delayMs).unref();
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    /** Each document's name and the client_id that serves it. */
    clients: names.map((name, index) => ({ name, clientId: `${origin}/client/${index}.json` })),
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
