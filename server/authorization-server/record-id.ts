import "server-only";
import { hashToken } from "@/server/crypto/tokens";

/** Where oidc-provider's record for (model, id) is kept: the id itself (a token, a code) is never stored. */
export function recordId(model: string, id: string): string {
  return `${model}:${hashToken(id)}`;
}
