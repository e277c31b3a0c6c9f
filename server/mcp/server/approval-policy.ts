// The published policy for tools that ask first (server/agent/tool-approval.ts) when the calling client cannot be
// asked: refuse and tell the model why ("deny", what a new server starts with) or run them anyway ("allow"). The
// endpoint follows it (call-approval.ts); this is the console's side, for an app's server or the workspace's
// (appId null). A change reaches every instance at its next request.
import "server-only";
import { z } from "zod";
import { updateServerSettings } from "@/server/db/queries/published-server-access";
import type { PublishedServer } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { changeEndpoint } from "./endpoint-cache";
import { assertServerOwner, type ServerRef } from "./server-access";

export type ApprovalPolicy = PublishedServer["approvalPolicy"];
export const approvalPolicies = ["deny", "allow"] as const satisfies readonly ApprovalPolicy[];

export const approvalPolicySchema = z.enum(approvalPolicies, {
  error: 'Choose "deny" (refuse, and tell the model why) or "allow" (run them anyway).',
});

/** Servers not turned on yet have no row: they will start with the column's default, "deny". */
export const defaultApprovalPolicy: ApprovalPolicy = "deny";

export async function setServerApprovalPolicy(ref: ServerRef, policy: ApprovalPolicy): Promise<{ approvalPolicy: ApprovalPolicy }> {
  await assertServerOwner(ref);
  const written = await changeEndpoint(ref, (db) => updateServerSettings(db, { ...ref, approvalPolicy: policy }));
  if (!written) {
    throw new AppError("not_found:mcp_server", `Turn the ${ref.appId === null ? "workspace " : ""}MCP server on first: the approval policy is a setting of the server.`);
  }
  return { approvalPolicy: written.approvalPolicy };
}
