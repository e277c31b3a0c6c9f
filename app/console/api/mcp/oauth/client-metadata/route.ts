// Client ID Metadata Document (SEP-991): authorization servers that support it fetch this URL as our client_id.
import { oauthClientMetadataUrl, oauthRedirectUrl } from "@/server/mcp/oauth/redirect-url";

export const dynamic = "force-dynamic";

export function GET() {
  const clientId = oauthClientMetadataUrl();
  if (!clientId) return Response.json({ code: "not_found:client_metadata", message: "Served only when APP_URL is https." }, { status: 404 });
  return Response.json(
    {
      client_id: clientId,
      client_name: "Switchyard",
      redirect_uris: [oauthRedirectUrl()],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
    },
    { headers: { "cache-control": "public, max-age=300" } },
  );
}
