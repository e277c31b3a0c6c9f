// CSRF: which requests may change state. The session cookie rides along on any site's form or fetch, so a write is
// accepted only when it is JSON (a cross-site page cannot send application/json without a CORS preflight, which we
// never grant) and comes from our own origin. Decisions:
// - Safe methods (GET, HEAD, OPTIONS) pass: they change nothing, and other sites cannot read the answers.
// - Authorization: Bearer (workspace API keys) passes the origin check: no browser adds that header cross-site
//   without a preflight, and a bearer request is never authenticated by the cookie (server/api/context.ts).
// - Otherwise the Origin header must be APP_URL's origin (or one in TRUSTED_ORIGINS); "null" never is. Without
//   Origin, the Referer's origin stands in. With neither, the write is refused: every current browser sends Origin
//   on a POST, so such a request is a script, and scripts use an API key.
import "server-only";
import superjson from "superjson";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

export function trustedOrigins(): Set<string> {
  return new Set([new URL(env.APP_URL).origin, ...env.TRUSTED_ORIGINS]);
}

function originOf(value: string | null): string | null {
  if (!value || value === "null") return null;
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

export function assertTrustedRequest(req: Request): void {
  if (safeMethods.has(req.method.toUpperCase())) return;
  const mediaType = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    throw new AppError("forbidden:content_type", "Send the request body as JSON (Content-Type: application/json).");
  }
  if (/^Bearer\s+\S/i.test(req.headers.get("authorization") ?? "")) return;
  const origin = req.headers.has("origin") ? originOf(req.headers.get("origin")) : originOf(req.headers.get("referer"));
  if (!origin || !trustedOrigins().has(origin)) {
    throw new AppError(
      "forbidden:origin",
      "This request did not come from the Switchyard console, so it was refused. Scripts use an API key (Authorization: Bearer).",
    );
  }
}

/**
 * The guard as an early answer for a route: null when the request may go on, else a 403 in the route's own error
 * shape: `{ code, message }`, or for tRPC the error envelope its client reads (transformer-encoded, one for the
 * whole batch: the client hands it to every call).
 */
export function refuseUntrustedRequest(req: Request, shape: "json" | "trpc" = "json"): Response | null {
  try {
    assertTrustedRequest(req);
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (shape === "json") return error.toResponse();
    const body = {
      message: error.publicMessage,
      code: TRPC_ERROR_CODES_BY_KEY.FORBIDDEN,
      data: { code: "FORBIDDEN", httpStatus: error.status, appCode: error.code, zodIssues: null },
    };
    return Response.json({ error: superjson.serialize(body) }, { status: error.status });
  }
}
