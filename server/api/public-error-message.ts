// What a console API client may read of a failed call. Our own errors (AppError, zod's validation issues, a TRPCError
// thrown with a message of ours) say what went wrong; errors tRPC raises around a procedure carry the text of whatever
// failed underneath (JSON.parse's "Unexpected end of JSON input", the engine's "Maximum call stack size exceeded",
// superjson's "Detected property __proto__"): those get a stable sentence here and their detail goes to the log.
import "server-only";
import type { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { AppError } from "@/server/errors";
import { WireDepthError } from "@/shared/wire-transformer";

const stableMessages: Partial<Record<TRPCError["code"], string>> = {
  PARSE_ERROR: "The request could not be read: send valid JSON in the tRPC format.",
  BAD_REQUEST: "The request could not be processed. Check the input and try again.",
  INTERNAL_SERVER_ERROR: "Something went wrong on our side. Try again, and contact support if it persists.",
};

export function publicErrorMessage(error: TRPCError): string {
  const cause = error.cause;
  if (cause instanceof AppError) return cause.publicMessage;
  if (cause instanceof ZodError || cause instanceof WireDepthError) return error.message;
  const stable = stableMessages[error.code];
  // A TRPCError we threw ourselves has no foreign cause; PARSE_ERROR and INTERNAL_SERVER_ERROR never carry ours
  // (errorMapper gives every internal error an AppError cause), so they always get the stable text.
  if (!stable || (cause === undefined && error.code === "BAD_REQUEST")) return error.message;
  console.warn(`[trpc:${error.code}]`, error.message);
  return stable;
}
