// Where authorization servers send the browser back to, and the Client ID Metadata Document URL we advertise.
import { env } from "@/server/env";

export const callbackPath = "/console/api/mcp/oauth/callback";
export const clientMetadataPath = "/console/api/mcp/oauth/client-metadata";

const appUrl = () => env.APP_URL.replace(/\/+$/, "");

/** The exact redirect URL a person registers for a custom OAuth client. */
export function oauthRedirectUrl(): string {
  return `${appUrl()}${callbackPath}`;
}

/** Client ID Metadata Documents must be https URLs with a path (SEP-991); on plain http we register instead. */
export function oauthClientMetadataUrl(): string | undefined {
  return appUrl().startsWith("https://") ? `${appUrl()}${clientMetadataPath}` : undefined;
}
