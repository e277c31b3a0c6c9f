// Auth.js: email + password always; GitHub and Google only when their client id and secret are set.
import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { getDb } from "@/server/db";
import { env } from "@/server/env";
import { isAppError } from "@/server/errors";
import { usesHttps } from "@/server/http/security-headers";
import { getSecrets } from "@/server/secrets";
import { createWorkspace, defaultWorkspaceName } from "@/server/workspaces/create-workspace";
import { adapter } from "./adapter";
import { authorizeCredentials } from "./authorize-credentials";
import { endUserSession, isUserSessionLive, startUserSession } from "./user-sessions";

class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
}

export const oauthProviders = [
  env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET ? { id: "github", name: "GitHub" } : null,
  env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET ? { id: "google", name: "Google" } : null,
].filter((p) => p !== null);

/** The browser's User-Agent: from the request Auth.js hands us, or from Next when a server action signs in. */
async function userAgentOf(request: Request | undefined): Promise<string | null> {
  if (request) return request.headers.get("user-agent");
  try {
    const { headers } = await import("next/headers");
    return (await headers()).get("user-agent");
  } catch {
    return null; // outside a Next request (scripts, tests)
  }
}

async function buildConfig(request?: Request): Promise<NextAuthConfig> {
  const db = await getDb();
  return {
    adapter: adapter(db),
    secret: getSecrets().authSecret,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    trustHost: true,
    // Secure (and __Secure-/__Host- named) cookies whenever the public URL is https, even when TLS ends at a proxy
    // and the request reaching us says http.
    useSecureCookies: usesHttps(),
    pages: { signIn: "/sign-in", error: "/sign-in" },
    logger: {
      // A wrong password is an answer, not an error: keep it out of the error log.
      error(error) {
        if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
        console.error("[auth]", error);
      },
    },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(credentials, request) {
          try {
            return await authorizeCredentials(credentials, request);
          } catch (error) {
            if (isAppError(error) && error.type === "rate_limit") throw new RateLimitedSignIn();
            throw error;
          }
        },
      }),
      ...(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET
        ? [GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET })]
        : []),
      ...(env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET
        ? [Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET })]
        : []),
    ],
    events: {
      // Users who arrive through GitHub or Google get their first workspace here; email sign-up makes its own.
      async createUser({ user }) {
        if (!user.id || !user.email) return;
        await db.transaction((tx) =>
          createWorkspace(tx, { userId: user.id!, name: defaultWorkspaceName({ name: user.name, email: user.email! }) }),
        );
      },
      // Sign-out ends the server-side session too, so a copy of the cookie stops working at once.
      async signOut(message) {
        const token = "token" in message ? message.token : null;
        if (token?.sub && typeof token.sid === "string") await endUserSession(db, { userId: token.sub, sessionId: token.sid });
      },
    },
    callbacks: {
      // Runs at sign-in (with `user`) and on every auth() after it. Returning null signs the cookie out.
      async jwt({ token, user }) {
        if (user?.id) {
          token.sub = user.id;
          token.sid = await startUserSession(db, { userId: user.id, userAgent: await userAgentOf(request) });
          return token;
        }
        // A cookie from before server-side sessions has no sid and cannot be revoked: it signs in again, once.
        if (!token.sub || typeof token.sid !== "string") return null;
        return (await isUserSessionLive(db, { userId: token.sub, sessionId: token.sid })) ? token : null;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        if (typeof token.sid === "string") session.sessionId = token.sid;
        return session;
      },
    },
  };
}

declare module "next-auth" {
  interface Session {
    /** The server-side session (user_sessions row) behind this cookie; not a credential. */
    sessionId?: string;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(buildConfig);
