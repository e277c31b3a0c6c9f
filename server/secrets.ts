import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";
import { generateEncryptionKey, parseEncryptionKeys, type EncryptionKey } from "@/server/crypto/encryption-keys";
import { env } from "@/server/env";

export type Secrets = { authSecret: string; encryptionKeys: EncryptionKey[] };

export type SecretsConfig = {
  authSecret?: string;
  encryptionKeys?: string;
  dataDir: string;
  production: boolean;
};

const devSecretsSchema = z.object({ authSecret: z.string().min(32), encryptionKeys: z.string().min(1) });
type DevSecrets = z.infer<typeof devSecretsSchema>;

// On globalThis: Next loads this module once per bundle (routes, pages), and the log line should appear once.
const holder = globalThis as unknown as { __switchyardSecrets?: Secrets };

/** The auth secret and encryption keys, from the environment or, when unset, from `<DATA_DIR>/secrets.json`. */
export function getSecrets(): Secrets {
  holder.__switchyardSecrets ??= resolveSecrets({
    authSecret: env.AUTH_SECRET,
    encryptionKeys: env.ENCRYPTION_KEYS,
    dataDir: env.DATA_DIR,
    production: env.NODE_ENV === "production",
  });
  return holder.__switchyardSecrets;
}

/** getSecrets without the memo and the global env, for tests. Logs one line when it falls back to the file. */
export function resolveSecrets(config: SecretsConfig): Secrets {
  const envKeys = config.encryptionKeys === undefined ? undefined : parseEncryptionKeys(config.encryptionKeys);
  if (config.authSecret !== undefined && envKeys) return { authSecret: config.authSecret, encryptionKeys: envKeys };

  const path = resolve(config.dataDir, "secrets.json");
  const { secrets, created } = loadOrCreateDevSecrets(path);
  const unset = [config.authSecret === undefined && "AUTH_SECRET", !envKeys && "ENCRYPTION_KEYS"].filter(Boolean);
  const origin = `${created ? "generated at" : "loaded from"} ${path}`;
  if (config.production) {
    console.warn(
      `[secrets] ${unset.join(" and ")} unset: using secrets ${origin}. Set AUTH_SECRET and ENCRYPTION_KEYS ` +
        "in production: every instance must share the same keys, and this file is per machine.",
    );
  } else {
    console.info(`[secrets] Development secrets ${origin}. Production should set AUTH_SECRET and ENCRYPTION_KEYS.`);
  }
  return {
    authSecret: config.authSecret ?? secrets.authSecret,
    encryptionKeys: envKeys ?? parseEncryptionKeys(secrets.encryptionKeys, `encryptionKeys in ${path}`),
  };
}

function loadOrCreateDevSecrets(path: string): { secrets: DevSecrets; created: boolean } {
  const existing = readDevSecrets(path, 1);
  if (existing) return { secrets: existing, created: false };

  mkdirSync(dirname(path), { recursive: true });
  const fresh: DevSecrets = {
    authSecret: randomBytes(32).toString("base64url"),
    encryptionKeys: generateEncryptionKey("dev1"),
  };
  try {
    // "wx" fails if another process created the file first; then its secrets win, so both agree.
    writeFileSync(path, `${JSON.stringify(fresh, null, 2)}\n`, { flag: "wx", mode: 0o600 });
    return { secrets: fresh, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  // The winner may still be writing: give it a moment before calling the file broken.
  const raced = readDevSecrets(path, 20);
  if (!raced) throw new Error(`${path} disappeared while it was being created; restart to try again`);
  return { secrets: raced, created: false };
}

/** undefined when the file does not exist; throws (without echoing its content) when it is not valid. */
function readDevSecrets(path: string, attempts: number): DevSecrets | undefined {
  for (let attempt = 1; ; attempt++) {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
    const parsed = devSecretsSchema.safeParse(safeJson(text));
    if (parsed.success) return parsed.data;
    if (attempt >= attempts) {
      throw new Error(
        `${path} does not hold valid development secrets. Fix it, or delete it to generate new ones ` +
          "(values encrypted with the old keys then become unreadable).",
      );
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
