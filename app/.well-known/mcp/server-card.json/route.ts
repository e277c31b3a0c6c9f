// The deployment's MCP server card (SEP-2127): what every server here speaks, and where each server's own card is.
import { preflight, serveDeploymentCard } from "@/server/mcp/server/serve-server-card";

export const dynamic = "force-dynamic";

export const GET = serveDeploymentCard;
export const OPTIONS = preflight;
