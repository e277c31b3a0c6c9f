// The operator CLI as a self-hoster runs it: a real child process, JSON on stdout, non-zero on bad input.
import { eq } from "drizzle-orm";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { addMember, callerAs, createOwner, uniqueEmail } from "../support/fixtures";

function admin(...args: string[]) {
  return adminWith({}, ...args);
}

function adminWith(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/admin.ts", ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.runIf(process.env.DATABASE_URL)("npm run admin", () => {
  it("migrate, user:create and apikey:create print JSON and the key works", async () => {
    expect(admin("migrate").status).toBe(0);
    const email = uniqueEmail("cli");
    const created = admin("user:create", "--email", email, "--password", "a long password", "--workspace", "Ops");
    expect(created.status).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ user: { email }, workspace: { name: "Ops" } });

    const key = admin("apikey:create", "--email", email, "--workspace", "Ops", "--role", "editor");
    expect(key.status).toBe(0);
    const parsed = JSON.parse(key.stdout);
    expect(parsed).toMatchObject({ role: "editor", workspace: { name: "Ops" } });
    const { authenticateApiKey } = await import("@/server/api-keys/api-keys");
    const { getDb } = await import("@/server/db");
    expect(await authenticateApiKey(await getDb(), parsed.key)).toMatchObject({ role: "editor" });
  });

  it("bad input exits non-zero with a clear message and no stack", () => {
    const short = admin("user:create", "--email", uniqueEmail(), "--password", "short");
    expect(short.status).not.toBe(0);
    expect(short.stderr).toContain("at least 8 characters");
    expect(short.stderr).not.toMatch(/\n\s+at /);

    const role = admin("apikey:create", "--email", "x@example.test", "--workspace", "Ops", "--role", "king");
    expect(role.status).not.toBe(0);
    expect(role.stderr).toMatch(/role/i);

    const unknown = admin("frobnicate");
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain("Unknown command");
  });
});

describe.runIf(process.env.DATABASE_URL)("npm run admin -- secrets:reseal", () => {
  it("re-encrypts every sealed value with the first key, a rerun finds nothing left, and afterwards the new key alone opens everything", async () => {
    const { getSecrets } = await import("@/server/secrets");
    const { generateEncryptionKey, parseEncryptionKeys } = await import("@/server/crypto/encryption-keys");
    const { openWith, sealSecret } = await import("@/server/crypto/secret-box");
    const { getDb } = await import("@/server/db");
    const { getMcpServer, updateMcpServer } = await import("@/server/db/queries/mcp-servers");
    const { getModelProvider } = await import("@/server/db/queries/model-providers");
    const { oauthAad, tokenColumns } = await import("@/server/mcp/oauth/server-oauth");
    const { dumpDatabase } = await import("../support/dump-database");

    // Sealed with k1 (this process's key): a provider key, a header, a URL, a custom client secret, client
    // information, tokens and a published server's code; plus a server row from before URLs were sealed.
    const k1 = getSecrets().encryptionKeys[0]!;
    const k1Entry = `${k1.kid}:${k1.key.export().toString("base64")}`;
    const k2Entry = generateEncryptionKey("k2rotated");
    const { user, workspace } = await createOwner();
    const caller = callerAs(user.id, workspace.id);
    const db = await getDb();
    const provider = await caller.modelProviders.create({ kind: "openai_compatible", name: "Local", baseUrl: "http://127.0.0.1:1/v1", apiKey: "sk-reseal-provider-1234" });
    const secretUrl = "http://127.0.0.1:1/mcp/sk-reseal-url-token-5678";
    const server = await caller.mcpServers.create({
      name: "Sealed",
      identifier: "sealed",
      url: secretUrl,
      headers: [{ name: "X-Api-Key", value: "hdr-reseal-9012" }],
      authMode: "oauth_custom",
      oauthClientId: "client",
      oauthClientSecret: "client-secret-reseal-3456",
    });
    await updateMcpServer(db, {
      workspaceId: workspace.id,
      id: server.id,
      ...tokenColumns(server.id, { access_token: "at-reseal-7890", token_type: "bearer" }, undefined),
      oauthClientInfoCiphertext: sealSecret(JSON.stringify({ client_id: "client" }), oauthAad(server.id, "client")),
    });
    // Two people's own tokens on one server: the table's key is (server, user), so the walk needs both columns.
    const { personTokensAad } = await import("@/server/mcp/oauth/token-owner");
    const { upsertPersonConnection, getPersonConnection } = await import("@/server/db/queries/mcp-person-connections");
    const colleague = await addMember(workspace.id, "member");
    for (const person of [user.id, colleague.id]) {
      const sealed = sealSecret(JSON.stringify({ tokens: { access_token: `at-person-${person}` } }), personTokensAad(server.id, person));
      await upsertPersonConnection(db, { workspaceId: workspace.id, serverId: server.id, userId: person, oauthTokensCiphertext: sealed });
    }
    const legacyUrl = "http://127.0.0.1:1/mcp?key=legacy-plain-url-key";
    const legacy = await caller.mcpServers.create({ name: "Legacy", identifier: "legacy", url: "http://127.0.0.1:1/mcp" });
    await updateMcpServer(db, { workspaceId: workspace.id, id: legacy.id, url: legacyUrl, urlCiphertext: null });
    const app = await caller.apps.create({ type: "chat", name: "Published" });
    await caller.apps.updateDraft({ id: app.id, draft: { model: { providerId: provider.id, model: "m" } } });
    await caller.apps.publish({ id: app.id });
    const { url: publishedUrl } = await caller.publishedServers.enable({ appId: app.id, toolName: "published", toolDescription: "Answers." });
    // The authorization server's: a pre-registered client's metadata (with its secret) and one stored record.
    const { clientAad, recordAad } = await import("@/server/authorization-server/adapter");
    const { oauthServerClients, oauthServerRecords } = await import("@/server/db/schema");
    const client = await caller.oauthClients.create({ name: "Sealed client", redirectUris: ["https://c.example/cb"], type: "confidential" });
    const recordKey = `Session:reseal-${client.clientId}`;
    await db.insert(oauthServerRecords).values({ id: recordKey, model: "Session", payloadCiphertext: sealSecret('{"accountId":"reseal"}', recordAad(recordKey)) });

    const keys = { ENCRYPTION_KEYS: `${k2Entry},${k1Entry}`, AUTH_SECRET: "a".repeat(32) };
    const first = adminWith(keys, "secrets:reseal");
    expect(first.status, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report.currentKeyId).toBe("k2rotated");
    expect(report.total.failed).toBe(0);
    for (const column of ["model_providers.api_key_ciphertext", "mcp_servers.headers", "mcp_servers.url_ciphertext", "mcp_servers.oauth_client_secret_ciphertext", "mcp_servers.oauth_client_info_ciphertext", "mcp_servers.oauth_tokens_ciphertext", "published_servers.code_ciphertext", "oauth_server_clients.metadata_ciphertext", "oauth_server_records.payload_ciphertext", "mcp_person_connections.oauth_tokens_ciphertext"]) {
      expect(report.columns[column].resealed, column).toBeGreaterThan(0);
    }
    expect(report.columns["mcp_servers.url_ciphertext"].resealed).toBe(2);

    const rerun = JSON.parse(adminWith(keys, "secrets:reseal").stdout);
    expect(rerun.total).toEqual({ resealed: 0, alreadyCurrent: report.total.resealed + report.total.alreadyCurrent, failed: 0 });

    // Only k2 from here on: every value opens, and nothing in the database is left on k1.
    const onlyK2 = parseEncryptionKeys(k2Entry);
    const p = (await getModelProvider(db, { workspaceId: workspace.id, id: provider.id }))!;
    expect(openWith(onlyK2, p.apiKeyCiphertext!, provider.id)).toBe("sk-reseal-provider-1234");
    const row = (await getMcpServer(db, { workspaceId: workspace.id, id: server.id }))!;
    expect(openWith(onlyK2, row.urlCiphertext!, `mcp_servers:${server.id}:url`)).toBe(secretUrl);
    expect(openWith(onlyK2, row.headers[0]!.valueCiphertext, `${server.id}:header:x-api-key`)).toBe("hdr-reseal-9012");
    expect(openWith(onlyK2, row.oauthClientSecretCiphertext!, oauthAad(server.id, "client_secret"))).toBe("client-secret-reseal-3456");
    expect(JSON.parse(openWith(onlyK2, row.oauthTokensCiphertext!, oauthAad(server.id, "tokens"))).tokens.access_token).toBe("at-reseal-7890");
    expect(JSON.parse(openWith(onlyK2, row.oauthClientInfoCiphertext!, oauthAad(server.id, "client")))).toEqual({ client_id: "client" });
    for (const person of [user.id, colleague.id]) {
      const own = (await getPersonConnection(db, { workspaceId: workspace.id, serverId: server.id, userId: person }))!;
      expect(JSON.parse(openWith(onlyK2, own.oauthTokensCiphertext!, personTokensAad(server.id, person))).tokens.access_token).toBe(`at-person-${person}`);
    }
    const legacyRow = (await getMcpServer(db, { workspaceId: workspace.id, id: legacy.id }))!;
    expect(openWith(onlyK2, legacyRow.urlCiphertext!, `mcp_servers:${legacy.id}:url`)).toBe(legacyUrl);
    const [clientRow] = await db.select().from(oauthServerClients).where(eq(oauthServerClients.clientId, client.clientId));
    expect(JSON.parse(openWith(onlyK2, clientRow!.metadataCiphertext, clientAad(client.clientId))).client_secret).toBe(client.clientSecret);
    const [recordRow] = await db.select().from(oauthServerRecords).where(eq(oauthServerRecords.id, recordKey));
    expect(JSON.parse(openWith(onlyK2, recordRow!.payloadCiphertext, recordAad(recordKey)))).toEqual({ accountId: "reseal" });
    const code = /\/mcp\/server\/([^/]+)\/mcp$/.exec(publishedUrl)![1]!;
    const dump = await dumpDatabase();
    expect(dump).not.toContain("legacy-plain-url-key");
    expect(dump).not.toContain(code);
    expect(dump).not.toContain(`v1.${k1.kid}.`);
    expect(dump).toContain("v1.k2rotated.");

    // Batches of one walk every row the same way a large table is walked 100 rows at a time.
    const { resealSealedValues } = await import("@/server/key-rotation/reseal-sealed-values");
    const k3Entry = generateEncryptionKey("k3");
    const k3 = parseEncryptionKeys(`${k3Entry},${k2Entry}`);
    const small = await resealSealedValues({ batchSize: 1, keys: k3 });
    expect(small.total).toEqual({ resealed: report.total.resealed + report.total.alreadyCurrent, alreadyCurrent: 0, failed: 0 });

    // A value sealed with a key that is no longer listed is counted and named, and the rest still goes through.
    const { sealWith } = await import("@/server/crypto/secret-box");
    const lost = sealWith(parseEncryptionKeys(generateEncryptionKey("gone")), "{}", oauthAad(server.id, "tokens"));
    await updateMcpServer(db, { workspaceId: workspace.id, id: server.id, oauthTokensCiphertext: lost });
    const withLoss = await resealSealedValues({ keys: parseEncryptionKeys(`${generateEncryptionKey("k4")},${k3Entry}`) });
    expect(withLoss.total).toMatchObject({ failed: 1, resealed: small.total.resealed - 1 });
    expect(withLoss.failures).toEqual([`mcp_servers.oauth_tokens_ciphertext:${server.id}`]);
  });
});
