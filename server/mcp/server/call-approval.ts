// Who approves a published call's tool that asks first (tool-approval.ts). No person watches a published run, so the
// answer is the server's policy, chosen on its MCP Server tab: refuse and tell the model why, or run it.
import "server-only";
import type { Approver } from "@/server/agent/tool-approval";
import type { Endpoint } from "./endpoint";

export function publishedApprover(policy: Endpoint["approvalPolicy"]): Approver {
  return async () => ({ decision: policy === "allow" ? "approved" : "denied", via: "policy", userId: null });
}
