// OAuth redirect target for external MCP servers: open by URL, bound by `state` to the person who started the flow.
import { createContext } from "@/server/api/context";
import { env } from "@/server/env";
import { toAppError } from "@/server/errors";
import { callbackResponse } from "@/server/mcp/oauth/callback-response";
import { finishServerAuthorization } from "@/server/mcp/oauth/finish-authorization";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const params = new URL(req.url).searchParams;
  try {
    const context = await createContext({ headers: req.headers });
    const userId = context.actor?.kind === "user" ? context.actor.userId : null;
    return callbackResponse(await finishServerAuthorization({ params, userId }), env.APP_URL);
  } catch (error) {
    const message = toAppError(error).publicMessage;
    return callbackResponse({ ok: false, display: "page", message }, env.APP_URL);
  }
}
