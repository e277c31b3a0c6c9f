// Pure parts of asking a published call's client: what the session id carries, which initialize declares form-mode
// (or URL-mode) elicitation, the question we send, and the decision each answer makes.
import { ElicitRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { decisionOf, elicitationRequest } from "@/server/mcp/server/call-elicitation";
import { declaresFormElicitation, declaresUrlElicitation, newSessionId, readSession, readSessionId } from "@/server/mcp/server/client-session";

describe("session ids and elicitation", () => {
  it("carry form elicitation when the client declared it, and read as the same client either way", () => {
    const client = { name: "Inspector", version: "1.0" };
    expect(readSession(newSessionId(client, { formElicitation: true }))).toEqual({ client, formElicitation: true, urlElicitation: false });
    expect(readSession(newSessionId(client))).toEqual({ client, formElicitation: false, urlElicitation: false });
    expect(readSession(newSessionId(client, { urlElicitation: true }))).toEqual({ client, formElicitation: false, urlElicitation: true });
    expect(readSession(newSessionId(client, { formElicitation: true, urlElicitation: true }))).toMatchObject({ formElicitation: true, urlElicitation: true });
    expect(readSessionId(newSessionId(client, { formElicitation: true }))).toEqual(client);
  });

  it("an id handed out before the capability was carried still reads, as a client that cannot be asked", () => {
    const old = `${"a".repeat(22)}.${Buffer.from(JSON.stringify(["Claude", "1"])).toString("base64url")}`;
    expect(readSession(old)).toEqual({ client: { name: "Claude", version: "1" }, formElicitation: false, urlElicitation: false });
  });

  it("a forged third field is not read as the capability", () => {
    const forged = `${"a".repeat(22)}.${Buffer.from(JSON.stringify(["x", "1", "elicit-form"])).toString("base64url")}`;
    expect(readSession(forged)?.formElicitation).toBe(false);
    const forgedUrl = `${"a".repeat(22)}.${Buffer.from(JSON.stringify(["x", "1", "elicit-url"])).toString("base64url")}`;
    expect(readSession(forgedUrl)?.urlElicitation).toBe(false);
    const tooLong = `${"a".repeat(22)}.${Buffer.from(JSON.stringify(["x", "1", [], 4])).toString("base64url")}`;
    expect(readSession(tooLong)).toBeNull();
  });

  it.each([
    [{ elicitation: {} }, true],
    [{ elicitation: { form: {} } }, true],
    [{ elicitation: { form: {}, url: {} } }, true],
    [{ elicitation: { url: {} } }, false],
    [{ elicitation: { form: true } }, false],
    [{ elicitation: [] }, false],
    [{ elicitation: null }, false],
    [{ sampling: {} }, false],
    [undefined, false],
  ])("capabilities %j declare form elicitation: %s", (capabilities, expected) => {
    expect(declaresFormElicitation({ capabilities })).toBe(expected);
  });

  it.each([
    [{ elicitation: { url: {} } }, true],
    [{ elicitation: { form: {}, url: {} } }, true],
    [{ elicitation: {} }, false],
    [{ elicitation: { url: true } }, false],
    [{ elicitation: { url: [] } }, false],
    [{ elicitation: [] }, false],
    [undefined, false],
  ])("capabilities %j declare URL elicitation: %s", (capabilities, expected) => {
    expect(declaresUrlElicitation({ capabilities })).toBe(expected);
  });
});

describe("the question", () => {
  const call = { name: "test__save_note", title: "Save note", arguments: { text: "buy milk", long: "y".repeat(2_000) } };

  it("names the app and the tool, shows shortened arguments, and asks one yes/no field a form can show", () => {
    const request = elicitationRequest("switchyard-ask-1", call, { appName: "Note keeper", protocolVersion: "2025-11-25" });
    expect(ElicitRequestSchema.parse(request)).toBeTruthy();
    const params = request.params as { mode?: string; message: string; requestedSchema: { properties: Record<string, unknown>; required: string[] } };
    expect(params.mode).toBe("form");
    expect(params.message).toMatch(/^Note keeper wants to run the tool "Save note" \(test__save_note\)/);
    expect(params.message).toContain('"text": "buy milk"');
    expect(params.message.length).toBeLessThan(900);
    expect(params.requestedSchema).toEqual({
      type: "object",
      properties: { approve: expect.objectContaining({ type: "boolean", title: "Run Save note?" }) },
      required: ["approve"],
    });
  });

  it("leaves out `mode` for 2025-06-18 clients, which know only forms", () => {
    const request = elicitationRequest("switchyard-ask-1", call, { appName: "A", protocolVersion: "2025-06-18" });
    expect(request.params).not.toHaveProperty("mode");
  });
});

describe("the decision an answer makes", () => {
  const options = { personId: "person-1", timeoutMs: 120_000 };

  it("only accept with approve: true runs the tool, recorded for the signed-in person", () => {
    expect(decisionOf({ result: { action: "accept", content: { approve: true } } }, options)).toEqual({ decision: "approved", via: "elicitation", userId: "person-1" });
  });

  it.each([
    [{ result: { action: "accept", content: { approve: false } } }, "the user answered no."],
    [{ result: { action: "accept", content: { approve: "true" } } }, "the user answered no."],
    [{ result: { action: "accept" } }, "the user answered no."],
    [{ result: { action: "decline" } }, "the user declined it."],
    [{ result: { action: "cancel" } }, "the user dismissed the question."],
    [{ result: { action: "sure" } }, "the client's answer was not an answer to the question."],
    [{ result: "yes" }, "the client's answer was not an answer to the question."],
    [{ error: { code: -32601, message: "Method not found" } }, "the client could not ask its user."],
    [{ tooLarge: true as const }, "the client's answer was too large to read."],
    [null, "nobody answered within 120 seconds."],
  ])("%j refuses: %s", (answer, reason) => {
    expect(decisionOf(answer, options)).toMatchObject({ decision: "denied", via: "elicitation", reason });
  });
});
