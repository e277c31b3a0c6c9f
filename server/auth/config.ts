// Auth.js: email + password always; GitHub and Google only when their client id and secret are set.
import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { getDb } from "@/server/db";
import { accounts, users } from "@/server/db/schema";
import { env } from "@/server/env";
import { isAppError } from "@/server/errors";
import { getSecrets } from "@/server/secrets";
import { createWorkspace, defaultWorkspaceName } from "@/server/workspaces/create-workspace";
import { authorizeCredentials } from "./authorize-credentials";

class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
}

export const oauthProviders = [
  env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET ? { id: "github", name: "GitHub" } : null,
  env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET ? { id: "google", name: "Google" } : null,
].filter((p) => p !== null);

async function buildConfig(): Promise<NextAuthConfig> {
  const db = await getDb();
  return {
    adapter: DrizzleAdapter(db, { usersTable: users, accountsTable: accounts }),
    secret: getSecrets().authSecret,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    trustHost: true,
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
    },
    callbacks: {
      jwt({ token, user }) {
        if (user?.id) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(buildConfig);
