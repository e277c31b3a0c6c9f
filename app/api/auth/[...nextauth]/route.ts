// Auth.js endpoints: sign-in, callbacks, session, sign-out.
import { handlers } from "@/server/auth/config";

export const { GET, POST } = handlers;
