// Server-side sessions behind the JWT cookie, through the real Auth.js route: sign-out and revocation end a session
// at the next request, not when the cookie expires.
import { encode } from "@auth/core/jwt";
import { describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { createCaller } from "@/server/api/root";
import { getSecrets } from "@/server/secrets";
import { callerAs, createOwner } from "../support/fixtures";

const base = "http://localhost:3000/api/auth";
const sessionCookieName = "authjs.session-token";
type Jar = Map<string, string>;

/** A tRPC caller as the request carrying this session's cookie would be. */
function callerWithSession(userId: string, sessionId: string) {
  return createCaller({ actor: { kind: "user", userId, sessionId }, requestedWorkspaceId: null });
}

function cookieHeader(jar: Jar) {
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

function keep(jar: Jar, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const [name, ...value] = pair!.split("=");
    jar.set(name!.trim(), value.join("="));
  }
}

async function csrf(jar: Jar) {
  const response = await GET(new Request(`${base}/csrf`, { headers: { cookie: cookieHeader(jar) } }) as never);
  keep(jar, response);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

function post(path: string, jar: Jar, form: Record<string, string>, userAgent = "vitest") {
  return POST(
    new Request(`${base}/${path}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar), "user-agent": userAgent },
      body: new URLSearchParams(form),
    }) as never,
  );
}

/** Signs in the way the browser form does and returns the cookie jar holding the session cookie. */
async function signIn(email: string, password: string, userAgent: string) {
  const jar: Jar = new Map();
  const csrfToken = await csrf(jar);
  const response = await post("callback/credentials", jar, { email, password, csrfToken, callbackUrl: "/apps" }, userAgent);
  expect(response.status).toBe(302);
  keep(jar, response);
  expect(jar.get(sessionCookieName)).toBeTruthy();
  return jar;
}

/** What auth() sees for this cookie alone: the session, or null. */
async function sessionOf(sessionCookie: string) {
  const response = await GET(
    new Request(`${base}/session`, { headers: { cookie: `${sessionCookieName}=${sessionCookie}` } }) as never,
  );
  return (await response.json()) as { user?: { id: string }; sessionId?: string } | null;
}

describe("signed-in sessions", () => {
  it("a cookie captured before sign-out is refused after it", async () => {
    const { email, password, user } = await createOwner();
    const jar = await signIn(email, password, "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0");
    const captured = jar.get(sessionCookieName)!;
    expect((await sessionOf(captured))?.user?.id).toBe(user.id);

    const signOut = await post("signout", jar, { csrfToken: await csrf(jar), callbackUrl: "/sign-in" });
    expect(signOut.status).toBe(302);

    expect(await sessionOf(captured)).toBeNull();
  });

  it("revoking a session from another one stops the first at its next request, and only it", async () => {
    const { email, password, user } = await createOwner();
    const laptop = (await signIn(email, password, "laptop browser")).get(sessionCookieName)!;
    const phone = (await signIn(email, password, "phone browser")).get(sessionCookieName)!;
    const phoneSession = await sessionOf(phone);
    const laptopSession = await sessionOf(laptop);
    expect(phoneSession?.sessionId).toBeTruthy();

    const asPhone = callerWithSession(user.id, phoneSession!.sessionId!);
    const listed = await asPhone.sessions.list();
    expect(listed.map((s) => [s.userAgent, s.current]).sort()).toEqual([
      ["laptop browser", false],
      ["phone browser", true],
    ]);

    await asPhone.sessions.revoke({ id: laptopSession!.sessionId! });
    expect(await sessionOf(laptop)).toBeNull();
    expect((await sessionOf(phone))?.user?.id).toBe(user.id);
  });

  it("signing out everywhere else keeps only the current session", async () => {
    const { email, password, user } = await createOwner();
    const first = (await signIn(email, password, "one")).get(sessionCookieName)!;
    const second = (await signIn(email, password, "two")).get(sessionCookieName)!;
    const third = (await signIn(email, password, "three")).get(sessionCookieName)!;
    const current = (await sessionOf(third))!.sessionId!;

    expect(await callerWithSession(user.id, current).sessions.revokeOthers()).toEqual({ count: 2 });
    expect(await sessionOf(first)).toBeNull();
    expect(await sessionOf(second)).toBeNull();
    expect((await sessionOf(third))?.user?.id).toBe(user.id);
  });

  it("nobody can revoke or list another person's sessions", async () => {
    const victim = await createOwner("victim");
    const cookie = (await signIn(victim.email, victim.password, "victim")).get(sessionCookieName)!;
    const victimSessionId = (await sessionOf(cookie))!.sessionId!;
    const attacker = await createOwner("attacker");

    await expect(callerAs(attacker.user.id).sessions.revoke({ id: victimSessionId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(JSON.stringify(await callerAs(attacker.user.id).sessions.list())).not.toContain(victimSessionId);
    expect((await sessionOf(cookie))?.user?.id).toBe(victim.user.id);
  });

  it("a cookie without a server-side session, such as one issued before them, is refused", async () => {
    const { user } = await createOwner();
    const legacy = await encode({
      token: { sub: user.id, email: "x@example.test" },
      secret: getSecrets().authSecret,
      salt: sessionCookieName,
    });
    expect(await sessionOf(legacy)).toBeNull();
  });
});
