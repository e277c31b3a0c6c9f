// Debug & Preview: runs the app's draft and streams the runtime's events as NDJSON, one event a line.
import { z } from "zod";
import { createContext } from "@/server/api/context";
import { draftMissingConnections, loadDraft, runDraft } from "@/server/apps/run-draft";
import { refuseUntrustedRequest } from "@/server/auth/assert-trusted-request";
import { assertWorkspaceAccess } from "@/server/auth/workspace-access";
import { AppError, toAppError } from "@/server/errors";
import { isNestedDeeper, maxJsonDepth } from "@/shared/json-depth";

export const dynamic = "force-dynamic";

const bodySchema = z.object({
  query: z.string().max(100_000),
  inputs: z.record(z.string(), z.unknown()).default({}),
  conversationId: z.string().min(1).max(100).nullable().default(null),
});

export async function POST(req: Request, { params }: RouteContext<"/api/apps/[id]/preview">) {
  // CSRF: runs an agent with its tools, so only JSON from our own origin (see assert-trusted-request.ts).
  const refused = refuseUntrustedRequest(req);
  if (refused) return refused;
  let access, body;
  try {
    const context = await createContext({ headers: req.headers });
    access = await assertWorkspaceAccess(context.actor, context.requestedWorkspaceId, "editor");
    const json: unknown = await req.json().catch(() => null);
    if (isNestedDeeper(json)) throw new AppError("bad_request:preview", `The inputs may nest at most ${maxJsonDepth} levels deep.`);
    const parsed = bodySchema.safeParse(json);
    if (!parsed.success) throw new AppError("bad_request:preview", "Send a JSON body with a query and the form's inputs.");
    body = parsed.data;
  } catch (error) {
    return toAppError(error).toResponse();
  }
  const { id } = await params;
  const abort = new AbortController();
  req.signal.addEventListener("abort", () => abort.abort());
  const encoder = new TextEncoder();

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: unknown) => {
        if (!abort.signal.aborted) controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      };
      try {
        const { workspaceId, userId } = access;
        const draft = await loadDraft({ workspaceId, appId: id });
        const missing = await draftMissingConnections({ workspaceId, draft, userId });
        if (missing.length > 0) return send({ type: "needs-connection", servers: missing });
        await runDraft({ ...body, workspaceId, userId, draft, signal: abort.signal, onEvent: send });
      } catch (error) {
        send({ type: "error", message: toAppError(error).publicMessage });
      } finally {
        if (!abort.signal.aborted) controller.close();
      }
    },
    cancel() {
      abort.abort();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Accel-Buffering": "no" },
  });
}
