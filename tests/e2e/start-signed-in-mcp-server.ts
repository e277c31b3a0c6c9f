// An MCP server that wants OAuth tokens, with the authorization server (oidc-provider) that issues them: one peer
// for the specs, closed as one.
import { startTestAuthServer } from "../support/oauth-server";
import { startProtectedMcpServer, type ProtectedMcpServer } from "../support/protected-mcp-server";

export async function startSignedInMcpServer(): Promise<ProtectedMcpServer> {
  const authServer = await startTestAuthServer();
  const mcp = await startProtectedMcpServer({ issuer: authServer.issuer, jwks: authServer.jwks });
  const closeMcp = mcp.close;
  // The server's counters are read live by the specs, so it is handed over itself with a close that ends both.
  mcp.close = async () => {
    await Promise.all([closeMcp(), authServer.close()]);
  };
  return mcp;
}
