// The server's policy for a published call's tool that asks first, chosen on its MCP Server tab: refuse and tell the
// model why, or run it. It answers when the client cannot be asked (call-elicitation.ts asks those that can).
import "server-only";
import type { Approver } from "@/server/agent/tool-approval";
import type { Endpoint } from "./endpoint";

export function publishedApprover(policy: Endpoint["approvalPolicy"]): Approver {
  return async () => ({ decision: policy === "allow" ? "approved" : "denied", via: "policy", userId: null });
}
