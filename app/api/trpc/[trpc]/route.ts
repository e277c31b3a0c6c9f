// tRPC over HTTP: the console API behind every page.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext } from "@/server/api/context";
import { batchSize, refuseOversizedBatch } from "@/server/api/batch-limit";
import { appRouter } from "@/server/api/root";
import { refuseUntrustedRequest } from "@/server/auth/assert-trusted-request";
import { AppError, toAppError } from "@/server/errors";

export const dynamic = "force-dynamic";

async function handler(req: Request) {
  // CSRF: a cross-site or non-JSON write never reaches a procedure (see assert-trusted-request.ts).
  const refused = refuseUntrustedRequest(req, "trpc");
  if (refused) return refused;
  const oversized = refuseOversizedBatch(req);
  if (oversized) return oversized;
  // Resolved before tRPC so a bad API key or a rate limit answers with its own status, not a 500.
  let context;
  try {
    context = await createContext({ headers: req.headers, procedures: batchSize(req) });
  } catch (error) {
    return toAppError(error).toResponse();
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => context,
    onError({ error }) {
      if (error.code === "INTERNAL_SERVER_ERROR" && !(error.cause instanceof AppError)) console.error(error);
    },
  });
}

export { handler as GET, handler as POST };
