// Configuration: every variable validated once, at start-up and at build (next.config.ts imports this).
import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");
const optionalUrl = z.url().optional();
const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  APP_URL: z.url().default("http://localhost:3000"),
  /** Extra browser origins (besides APP_URL's) that may change state, comma-separated; for a second public name. */
  TRUSTED_ORIGINS: z.preprocess(
    (v) => (typeof v === "string" && v.trim() ? v.split(",").map((o) => o.trim()).filter(Boolean) : []),
    z.array(z.url().transform((u) => new URL(u).origin)),
  ),
  DATA_DIR: z.string().default(".data"),
  DATABASE_URL: z.preprocess(blankToUndefined, optionalUrl),
  PGLITE_DIR: z.string().optional(),
  REDIS_URL: z.preprocess(blankToUndefined, optionalUrl),
  UPSTASH_REDIS_REST_URL: z.preprocess(blankToUndefined, optionalUrl),
  UPSTASH_REDIS_REST_TOKEN: z.preprocess(blankToUndefined, z.string().optional()),
  KV_PREFIX: z.string().default("sy:"),
  AUTH_SECRET: z.preprocess(blankToUndefined, z.string().min(32).optional()),
  ENCRYPTION_KEYS: z.preprocess(blankToUndefined, z.string().optional()),
  AUTH_GITHUB_ID: z.preprocess(blankToUndefined, z.string().optional()),
  AUTH_GITHUB_SECRET: z.preprocess(blankToUndefined, z.string().optional()),
  AUTH_GOOGLE_ID: z.preprocess(blankToUndefined, z.string().optional()),
  AUTH_GOOGLE_SECRET: z.preprocess(blankToUndefined, z.string().optional()),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  SIGN_IN_WINDOW_SECONDS: z.coerce.number().int().positive().default(300),
  SIGN_IN_BACKOFF_MAX_SECONDS: z.coerce.number().int().positive().default(900),
  SIGN_UP_MAX_PER_ADDRESS: z.coerce.number().int().positive().default(10),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  MCP_SERVER_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(300),
  /** Console API calls per minute each workspace API key (and each client address using keys) may make. */
  API_KEY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** Dynamic client registrations (RFC 7591) the authorization server takes per client address and hour. */
  OAUTH_REGISTRATIONS_PER_HOUR: z.coerce.number().int().positive().default(20),
  RUN_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(30),
  /** How long a published call's task (and its result) is kept at most, whatever ttl the client asks for. */
  MCP_TASK_TTL_MAX_SECONDS: z.coerce.number().int().min(60).max(7 * 24 * 3600).default(24 * 3600),
  /** Characters of each tool result sent to an agent's model; the stored trace keeps the whole result. */
  TOOL_RESULT_MAX_CHARS: z.coerce.number().int().min(1_000).max(1_000_000).default(20_000),
  MCP_ALLOW_PRIVATE_NETWORK: z.preprocess(blankToUndefined, flag.optional()),
  /** An OTLP/HTTP collector's base URL (spans go to <url>/v1/traces); unset, tracing is off and costs nothing. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess(blankToUndefined, z.url().optional()),
  OTEL_SERVICE_NAME: z.preprocess(blankToUndefined, z.string().max(200).default("switchyard")),
  /** Prompts, answers and tool arguments on spans: off by default, since collectors are often less guarded. */
  OTEL_RECORD_CONTENT: z.preprocess(blankToUndefined, flag.default(false)),
  /** The bearer token /api/metrics asks for; unset, the route answers 404. */
  METRICS_TOKEN: z.preprocess(blankToUndefined, z.string().min(16, "must be at least 16 characters").max(512).optional()),
});

export type Env = z.infer<typeof schema>;

function parseEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  if (env.UPSTASH_REDIS_REST_URL && !env.UPSTASH_REDIS_REST_TOKEN) {
    throw new Error("Invalid environment configuration:\n  UPSTASH_REDIS_REST_TOKEN is required with UPSTASH_REDIS_REST_URL");
  }
  return env;
}

export const env = parseEnv();

/** Self-hosters may reach MCP servers on their own network; the default follows NODE_ENV. */
export const allowPrivateNetwork = env.MCP_ALLOW_PRIVATE_NETWORK ?? env.NODE_ENV !== "production";
