// The deployment's MCP server card at SEP-2127's own address (the same card as server-card.json).
import { preflight, serveDeploymentCard } from "@/server/mcp/server/serve-server-card";

export const dynamic = "force-dynamic";

export const GET = serveDeploymentCard;
export const OPTIONS = preflight;
