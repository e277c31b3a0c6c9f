// What Auth.js's credentials provider runs (config.ts): the form's fields and the address the request came from.
import "server-only";
import { clientSubject } from "@/server/client-address/client-address";
import { verifyCredentials } from "./verify-credentials";

export function authorizeCredentials(credentials: Partial<Record<"email" | "password", unknown>>, request: Request) {
  return verifyCredentials({ email: credentials.email, password: credentials.password, address: clientSubject(request.headers) });
}
