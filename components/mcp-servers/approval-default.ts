// What a bound tool does when the owner has not chosen, and why, in the words the agent editor shows. The rule
// itself is shared with the runtime (shared/asks-first.ts); only the reason is worded here.
import { asksFirst } from "@/shared/asks-first";

export function approvalDefault(annotations: Record<string, unknown> | undefined): { asks: boolean; text: string } {
  const asks = asksFirst(undefined, annotations);
  if (!asks) return { asks, text: "Default: runs automatically - the server marks it read-only" };
  if (annotations?.destructiveHint === true) return { asks, text: "Default: asks first - the server marks it destructive" };
  return { asks, text: "Default: asks first - the server does not mark it read-only" };
}
