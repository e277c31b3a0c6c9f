// The OAuth callback fed odd query strings (state, code, error, iss in every shape, including a real state with a
// forged code or issuer, or someone else's): always a page with a clear message, never a 5xx, a stack or a secret.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toAppError } from "@/server/errors";
import { callbackResponse } from "@/server/mcp/oauth/callback-response";
import { finishServerAuthorization } from "@/server/mcp/oauth/finish-authorization";
import { callerAs, createOwner } from "../support/fixtures";
import { startOAuthPeers, type OAuthPeers } from "../support/mcp-oauth";

const runs = 600;
let peers: OAuthPeers;
let caller: ReturnType<typeof callerAs>;
let serverId: string;
let ownerId: string;

beforeAll(async () => {
  peers = await startOAuthPeers();
  const { user, workspace } = await createOwner("oauth-fuzz");
  ownerId = user.id;
  caller = callerAs(user.id, workspace.id);
  serverId = (await caller.mcpServers.create({ name: "Protected", identifier: "protected", url: peers.mcp.url })).id;
});
afterAll(() => peers?.close());

/** Real states from started flows (fewer than the start limit), so some cases reach the code exchange. */
const realStates: string[] = [];
beforeAll(async () => {
  for (let i = 0; i < 10; i++) {
    const { authorizationUrl } = await caller.mcpServers.authorize({ id: serverId, display: "popup" });
    realStates.push(new URL(authorizationUrl).searchParams.get("state")!);
  }
});
let realStateTurn = 0;
const realState = () => realStates[realStateTurn++ % realStates.length]!;

const odd = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: "grapheme", maxLength: 40 }), fc.constantFrom("", "%00", "null", "undefined", "<script>alert(1)</script>", "x".repeat(5_000), "https://evil.example", "../../etc/passwd"));
const query = fc.record(
  {
    state: fc.oneof(odd, fc.constant("REAL")),
    code: odd,
    error: fc.oneof(fc.constantFrom("access_denied", "invalid_client", "server_error", "temporarily_unavailable"), odd),
    error_description: odd,
    iss: fc.oneof(odd, fc.constant("ISSUER")),
  },
  { requiredKeys: [] },
);
const leaks = /\n\s+at |node_modules|\/work\/|\.ts:\d+|\bselect\b.+\bfrom\b|postgres|drizzle|code_verifier|refresh_token|access_token"/i;

describe("fuzzing the OAuth callback", () => {
  it(`answers ${runs} odd callbacks with a page, never a 5xx or a leak, and connects nothing`, { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(query, fc.constantFrom<string | null>(null, "owner", "stranger"), async (given, who) => {
        const params = new URLSearchParams();
        for (const [key, value] of Object.entries(given)) {
          if (value === undefined) continue;
          params.set(key, value === "REAL" ? realState() : value === "ISSUER" ? peers.as.issuer : value);
        }
        const userId = who === "owner" ? ownerId : who === "stranger" ? "someone-else" : null;
        let response: Response;
        try {
          response = callbackResponse(await finishServerAuthorization({ params, userId }), process.env.APP_URL!);
        } catch (error) {
          const appError = toAppError(error);
          expect(appError.status, appError.message).toBeLessThan(500);
          response = callbackResponse({ ok: false, display: "page", message: appError.publicMessage } as never, process.env.APP_URL!);
        }
        const page = await response.text();
        expect(response.status).toBeLessThan(500);
        expect(page).not.toMatch(leaks);
      }),
      { numRuns: runs },
    );
    // No forged callback connected the server.
    expect((await caller.mcpServers.get({ id: serverId })).status).not.toBe("connected");
  });
});
