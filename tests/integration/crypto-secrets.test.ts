import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { generateEncryptionKey } from "@/server/crypto/encryption-keys";
import { openWith, sealWith } from "@/server/crypto/secret-box";
import { resolveSecrets } from "@/server/secrets";

// Lets a test play "another process" that creates secrets.json between our read and our write.
const race = vi.hoisted(() => ({ beforeWrite: undefined as ((path: string) => void) | undefined }));
vi.mock("node:fs", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs")>();
  const writeFileSync: typeof actual.writeFileSync = (file, ...rest) => {
    const hook = race.beforeWrite;
    race.beforeWrite = undefined;
    if (hook && typeof file === "string") hook(file);
    return actual.writeFileSync(file, ...rest);
  };
  return { ...actual, writeFileSync };
});

// Touches only a fresh temporary directory: the file fallback is the point of this module.
let dataDir: string;
beforeEach(() => {
  dataDir = join(mkdtempSync(join(tmpdir(), "sy-secrets-")), "nested", "data");
});
afterEach(() => {
  race.beforeWrite = undefined;
  vi.restoreAllMocks();
  rmSync(join(dataDir, "..", ".."), { recursive: true, force: true });
});

const authSecret = "a".repeat(32);

describe("resolveSecrets", () => {
  it("uses AUTH_SECRET and ENCRYPTION_KEYS when both are set, without touching the disk or logging", () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const secrets = resolveSecrets({ authSecret, encryptionKeys: generateEncryptionKey("prod1"), dataDir, production: true });
    expect(secrets.authSecret).toBe(authSecret);
    expect(secrets.encryptionKeys.map((k) => k.kid)).toEqual(["prod1"]);
    expect(() => statSync(dataDir)).toThrow();
    expect(info).not.toHaveBeenCalled();
  });

  it("generates development secrets once in a private file and loads the same ones afterwards", () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const first = resolveSecrets({ dataDir, production: false });
    const path = join(dataDir, "secrets.json");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const second = resolveSecrets({ dataDir, production: false });
    expect(second.authSecret).toBe(first.authSecret);
    expect(openWith(second.encryptionKeys, sealWith(first.encryptionKeys, "x"))).toBe("x");

    expect(info).toHaveBeenCalledTimes(2);
    expect(info.mock.calls[0][0]).toContain(`generated at ${path}`);
    expect(info.mock.calls[1][0]).toContain(`loaded from ${path}`);
    const file = readFileSync(path, "utf8");
    for (const [line] of info.mock.calls) {
      expect(line).toContain("AUTH_SECRET and ENCRYPTION_KEYS");
      expect(line).not.toContain(first.authSecret);
      expect(line).not.toContain(JSON.parse(file).encryptionKeys.split(":")[1]);
    }
  });

  it("fills in only the variable that is unset", () => {
    vi.spyOn(console, "info").mockImplementation(() => {});
    const secrets = resolveSecrets({ authSecret, dataDir, production: false });
    expect(secrets.authSecret).toBe(authSecret);
    expect(secrets.encryptionKeys.map((k) => k.kid)).toEqual(["dev1"]);
  });

  it("warns in production that every instance needs the same keys", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    resolveSecrets({ authSecret, dataDir, production: true });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/ENCRYPTION_KEYS unset.*every instance must share the same keys/);
  });

  it("when another process creates the file first, its secrets are used so both processes agree", () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const theirs = { authSecret: "b".repeat(43), encryptionKeys: generateEncryptionKey("theirs") };
    race.beforeWrite = (path) => writeFileSync(path, JSON.stringify(theirs), { flag: "wx" });
    const secrets = resolveSecrets({ dataDir, production: false });
    expect(secrets.authSecret).toBe(theirs.authSecret);
    expect(secrets.encryptionKeys.map((k) => k.kid)).toEqual(["theirs"]);
    expect(info.mock.calls[0][0]).toContain("loaded from");
  });

  it("when another process leaves the file empty, loading fails with its path after a short wait", () => {
    race.beforeWrite = (path) => writeFileSync(path, "", { flag: "wx" });
    expect(() => resolveSecrets({ dataDir, production: false })).toThrow(join(dataDir, "secrets.json"));
  });

  it("rejects a malformed ENCRYPTION_KEYS before falling back to the file", () => {
    expect(() => resolveSecrets({ encryptionKeys: "k1:short", dataDir, production: false })).toThrow(/^ENCRYPTION_KEYS/);
  });

  it("a corrupt secrets file fails with its path and without echoing its content", () => {
    const corrupt = join(mkdtempSync(join(tmpdir(), "sy-secrets-")), "secrets.json");
    writeFileSync(corrupt, '{"authSecret":"leaked-value"}');
    let message = "";
    try {
      resolveSecrets({ dataDir: join(corrupt, ".."), production: false });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(corrupt);
    expect(message).not.toContain("leaked-value");
    rmSync(join(corrupt, ".."), { recursive: true, force: true });
  });
});
