// A client that identifies itself by a client ID metadata document (draft-ietf-oauth-client-id-metadata-document,
// MCP authorization 2025-11-25 "Client ID Metadata Documents"): its client_id is the https URL of a JSON document
// it serves, naming itself and its redirect URIs. An https server on 127.0.0.1 with a certificate the app trusts.
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";

export interface CimdServer {
  /** The client_id: the document's own https URL (with a path, as the draft requires). */
  clientId: string;
  /** How many times the authorization server fetched the document. */
  fetches(): number;
  close(): Promise<void>;
}

export async function startCimdServer({ tls, clientName, redirectUris }: { tls: { cert: string; key: string }; clientName: string; redirectUris: string[] }): Promise<CimdServer> {
  let fetches = 0;
  let clientId = "";
  const server = createServer(tls, (req, res) => {
    if (req.url !== "/oauth/client-metadata.json") return void res.writeHead(404).end();
    fetches++;
    res.writeHead(200, { "content-type": "application/json", "cache-control": "max-age=60" });
    res.end(
      JSON.stringify({
        client_id: clientId,
        client_name: clientName,
        client_uri: clientId.replace(/\/oauth\/client-metadata\.json$/, "/"),
        redirect_uris: redirectUris,
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        token_endpoint_auth_method: "none",
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  clientId = `https://127.0.0.1:${(server.address() as AddressInfo).port}/oauth/client-metadata.json`;
  return {
    clientId,
    fetches: () => fetches,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
