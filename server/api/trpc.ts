// tRPC: the procedure ladder public -> user -> workspace member (with a role), and AppError mapped in one place.
import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import type { Role } from "@/server/db/schema";
import { AppError, toAppError } from "@/server/errors";
import { assertRole } from "@/server/auth/roles";
import { resolveWorkspaceAccess, type WorkspaceAccess } from "@/server/auth/workspace-access";
import { wireTransformer } from "@/shared/wire-transformer";
import type { Context } from "./context";
import { publicErrorMessage } from "./public-error-message";

export interface Meta {
  /** Who may call: set by the ladder below, read by the permission tests. */
  scope?: "public" | "user" | "workspace";
  /** The least role a workspace procedure needs. Mutations must declare it; queries default to member. */
  role?: Role;
}

const codeByType: Record<AppError["type"], TRPCError["code"]> = {
  bad_request: "BAD_REQUEST",
  unauthorized: "UNAUTHORIZED",
  forbidden: "FORBIDDEN",
  not_found: "NOT_FOUND",
  conflict: "CONFLICT",
  rate_limit: "TOO_MANY_REQUESTS",
  unavailable: "SERVICE_UNAVAILABLE",
  internal: "INTERNAL_SERVER_ERROR",
};

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: wireTransformer,
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      const zodIssues =
        cause instanceof ZodError ? cause.issues.map((i) => ({ path: i.path.join("."), message: i.message })) : null;
      return {
        ...shape,
        message: zodIssues ? zodIssues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ") : publicErrorMessage(error),
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          appCode: cause instanceof AppError ? cause.code : null,
          zodIssues,
        },
      };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Every error leaves as a TRPCError with a safe message; internals are logged, never sent. */
const errorMapper = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const error = result.error;
    if (error.cause instanceof ZodError || error.code === "PARSE_ERROR") return result;
    if (error.code !== "INTERNAL_SERVER_ERROR") return result;
    const appError = toAppError(error.cause ?? error);
    throw new TRPCError({ code: codeByType[appError.type], message: appError.publicMessage, cause: appError });
  }
  return result;
});

export const publicProcedure = t.procedure.meta({ scope: "public" }).use(errorMapper);

export const userProcedure = publicProcedure.meta({ scope: "user" }).use(({ ctx, next }) => {
  if (ctx.actor?.kind !== "user") {
    throw new TRPCError({
      code: ctx.actor ? "FORBIDDEN" : "UNAUTHORIZED",
      message: ctx.actor ? "This needs a signed-in user, not an API key." : "Sign in to continue.",
    });
  }
  return next({ ctx: { ...ctx, userId: ctx.actor.userId, sessionId: ctx.actor.sessionId ?? null } });
});

export const workspaceProcedure = publicProcedure.meta({ scope: "workspace" }).use(async ({ ctx, meta, type, path, next }) => {
  const required = meta?.role ?? (type === "query" ? "member" : undefined);
  if (!required) {
    // A guard against forgetting: a mutation without a declared role never runs.
    throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: `Procedure ${path} declares no role.` });
  }
  let workspace: WorkspaceAccess;
  try {
    workspace = await resolveWorkspaceAccess(ctx.actor, ctx.requestedWorkspaceId);
    assertRole(workspace.role, required);
  } catch (error) {
    const appError = toAppError(error);
    throw new TRPCError({ code: codeByType[appError.type], message: appError.publicMessage, cause: appError });
  }
  return next({ ctx: { ...ctx, ...workspace } });
});

/** Our ids are UUIDs or url-safe tokens; anything else cannot name a row, so it is refused before any query. */
export const idSchema = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, "Not a valid id.");
