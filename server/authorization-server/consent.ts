// The consent step of an authorization (the provider's "interaction"): who is asking (the client, the host it will
// return to), for what (an app's server and its tool, or the workspace server and all its tools), as whom (the
// signed-in console user). The page in app/(auth)/oauth/consent renders what loadConsent returns and posts the
// person's answer to answerConsent.
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { inject } from "light-my-request";
import { getDb } from "@/server/db";
import { findRememberedGrant, insertGrant, isKnownRedirectHost } from "@/server/db/queries/oauth-server-grants";
import { findClient, keepClient } from "@/server/db/queries/oauth-server-records";
import type { ResourceServer } from "@/server/db/queries/oauth-server-resources";
import { getUserById } from "@/server/db/queries/users";
import { maySignIn, type SignInVerdict } from "./may-sign-in";
import { consentPath, getProvider, providerScopes } from "./provider";
import { findSignInResource } from "./resource-server";

type Provider = Awaited<ReturnType<typeof getProvider>>;
type Details = Awaited<ReturnType<Provider["interactionDetails"]>>;
type Result = Parameters<Provider["interactionResult"]>[2];

/** Runs `use` with the provider's view of this browser's interaction (its signed cookie must match the uid). */
async function withInteraction<T>(uid: string, cookie: string, use: (provider: Provider, details: Details, io: { req: IncomingMessage; res: ServerResponse }) => Promise<T>): Promise<T | null> {
  const provider = await getProvider();
  let outcome: { value: T } | null = null;
  await inject(
    async (req, res) => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (details.uid === uid) outcome = { value: await use(provider, details, { req, res }) };
      } catch {
        // An expired or unknown interaction, or no cookie for it: outcome stays null.
      }
      res.end();
    },
    { method: "GET", url: consentPath(uid), headers: { cookie } },
  );
  return outcome === null ? null : (outcome as { value: T }).value;
}

export type RefusalReason = Extract<SignInVerdict, { ok: false }>["reason"] | "other_workspace" | "not_sign_in";

/** What a token would reach: one app's tool, or every tool of the workspace server (one per app it offers). */
export type ConsentServer =
  | { kind: "app"; name: string; workspaceName: string; toolName: string; toolDescription: string }
  | { kind: "workspace"; name: string; workspaceName: string };

export type ConsentView =
  | { kind: "expired" }
  | { kind: "done"; redirectTo: string }
  | { kind: "refused"; reason: RefusalReason; server: ConsentServer | null; userEmail: string }
  | {
      kind: "ask";
      client: { id: string; name: string; logoUri: string | null; redirectHost: string; knownHost: boolean };
      server: ConsentServer;
      user: { name: string | null; email: string };
    };

function consentServer(server: ResourceServer): ConsentServer {
  const { name, workspaceName } = server;
  return server.kind === "app" ? { kind: "app", name, workspaceName, toolName: server.toolName, toolDescription: server.toolDescription } : { kind: "workspace", name, workspaceName };
}

async function describe(provider: Provider, details: Details, userId: string) {
  const clientId = String(details.params.client_id);
  const client = await provider.Client.find(clientId);
  const resource = details.params.resource;
  const server = typeof resource === "string" ? await findSignInResource(resource) : null;
  const db = await getDb();
  const user = await getUserById(db, { id: userId });
  const redirectHost = new URL(String(details.params.redirect_uri)).host;
  return { db, client, clientId, server, user, redirectHost, resource: resource as string };
}

/** What the consent page shows; a consent the person gave before for this client and server is used at once. */
export async function loadConsent({ uid, cookie, userId }: { uid: string; cookie: string; userId: string }): Promise<ConsentView> {
  const view = await withInteraction(uid, cookie, async (provider, details, io): Promise<ConsentView> => {
    const { db, client, clientId, server, user, redirectHost, resource } = await describe(provider, details, userId);
    if (!client || !user) return { kind: "expired" };
    if (!server) return { kind: "refused", reason: "not_sign_in", server: null, userEmail: user.email };
    const refusal = await refusalFor(server, clientId, userId);
    if (refusal) return { kind: "refused", reason: refusal, server: consentServer(server), userEmail: user.email };
    const remembered = await findRememberedGrant(db, { userId, clientId, appId: server.appId });
    const grant = remembered ? await provider.Grant.find(remembered.grantId) : undefined;
    if (grant) return { kind: "done", redirectTo: await finish(provider, io, details, userId, grant, resource) };
    return {
      kind: "ask",
      client: { id: clientId, name: client.clientName ?? clientId, logoUri: client.logoUri ?? null, redirectHost, knownHost: await isKnownRedirectHost(db, { workspaceId: server.workspaceId, redirectHost }) },
      server: consentServer(server),
      user: { name: user.name, email: user.email },
    };
  });
  return view ?? { kind: "expired" };
}

/** The person's answer. Approving is checked again in full (membership may have changed since the page loaded). */
export async function answerConsent({ uid, cookie, userId, approve }: { uid: string; cookie: string; userId: string; approve: boolean }): Promise<string | null> {
  return withInteraction(uid, cookie, async (provider, details, io) => {
    const { db, client, clientId, server, redirectHost, resource } = await describe(provider, details, userId);
    const refused = !client || !server || (await refusalFor(server, clientId, userId)) !== null;
    if (!approve || refused) {
      const description = approve ? "The person is not allowed to use this server." : "The person declined to connect this app.";
      return provider.interactionResult(io.req, io.res, { error: "access_denied", error_description: description }, { mergeWithLastSubmission: false });
    }
    const grant = new provider.Grant({ accountId: userId, clientId });
    const grantId = await grant.save();
    await insertGrant(db, { grantId, workspaceId: server.workspaceId, appId: server.appId, userId, clientId, clientName: client.clientName ?? clientId, redirectHost });
    await keepClient(db, { clientId });
    return finish(provider, io, details, userId, grant, resource);
  });
}

type Grant = InstanceType<Provider["Grant"]>;

/** Adds what this request asks that the grant lacks (the person approved this client for this server) and resumes. */
async function finish(provider: Provider, io: { req: IncomingMessage; res: ServerResponse }, details: Details, userId: string, grant: Grant, resource: string) {
  // Sign-in comes first, so the provider has not yet said which scopes the grant lacks: add what was asked for.
  const requested = String(details.params.scope ?? "").split(" ").filter((scope) => providerScopes.includes(scope));
  if (requested.length) grant.addOIDCScope(requested.join(" "));
  grant.addResourceScope(resource, "mcp");
  const grantId = await grant.save();
  const result: Result = { login: { accountId: userId }, consent: { grantId } };
  return provider.interactionResult(io.req, io.res, result, { mergeWithLastSubmission: false });
}

async function refusalFor(server: ResourceServer, clientId: string, userId: string): Promise<RefusalReason | null> {
  const verdict = await maySignIn({ workspaceId: server.workspaceId, appId: server.appId, signInRestricted: server.signInRestricted, userId });
  if (!verdict.ok) return verdict.reason;
  // A client an admin registered in Settings belongs to that workspace's servers only.
  const registered = await findClient(await getDb(), { clientId });
  return registered?.kind === "preregistered" && registered.workspaceId !== server.workspaceId ? "other_workspace" : null;
}
