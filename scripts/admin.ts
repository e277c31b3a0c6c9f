// Operator commands for self-hosters and scripts: `npm run admin -- <command> [--flags]`. Prints JSON; exits 1 on bad input.
import { parseArgs } from "node:util";
import { z } from "zod";
import { createApiKey } from "@/server/api-keys/api-keys";
import { signUp } from "@/server/auth/sign-up";
import { roles } from "@/server/auth/roles";
import { closeDb, getDb, migrateDb } from "@/server/db";
import { getUserByEmail } from "@/server/db/queries/users";
import { listWorkspacesForUser } from "@/server/db/queries/workspaces";
import { isAppError } from "@/server/errors";
import { resealSealedValues } from "@/server/key-rotation/reseal-sealed-values";

const usage = `Usage: npm run admin -- <command> [options]

Commands:
  migrate                                         apply pending database migrations
  user:create --email E --password P [--name N] [--workspace NAME]
                                                  create a user and their first workspace
  apikey:create --email E --workspace NAME_OR_ID --role owner|admin|editor|member [--name N]
                                                  create a workspace API key (printed once)
  secrets:reseal                                  re-encrypt every sealed value with the first key of ENCRYPTION_KEYS
                                                  (resumable; prints counts per column), so older keys can be removed`;

class UsageError extends Error {}

// stdout carries only the JSON answer; start-up notes (e.g. "[secrets] Development secrets ...") go to stderr.
console.log = console.info = (...args: unknown[]) => console.error(...args);

const commands: Record<string, (flags: Record<string, string | undefined>) => Promise<unknown>> = {
  async migrate() {
    const { driver } = await migrateDb();
    return { ok: true, driver };
  },

  async "secrets:reseal"() {
    return resealSealedValues();
  },

  async "user:create"(flags) {
    const input = parse(
      z.object({ email: z.string(), password: z.string(), name: z.string().optional(), workspace: z.string().optional() }),
      flags,
    );
    const { user, workspace } = await signUp({ ...input, workspaceName: input.workspace });
    return { user, workspace: { id: workspace.id, name: workspace.name } };
  },

  async "apikey:create"(flags) {
    const input = parse(
      z.object({ email: z.string(), workspace: z.string(), role: z.enum(roles), name: z.string().default("admin-cli") }),
      flags,
    );
    const db = await getDb();
    const user = await getUserByEmail(db, { email: input.email });
    if (!user) throw new UsageError(`No user with the email ${input.email}.`);
    const memberships = await listWorkspacesForUser(db, { userId: user.id });
    const matches = memberships.filter((w) => w.id === input.workspace || w.name === input.workspace);
    if (matches.length === 0) throw new UsageError(`${input.email} is not a member of a workspace "${input.workspace}".`);
    if (matches.length > 1) throw new UsageError(`Several workspaces are named "${input.workspace}"; pass its id.`);
    const workspace = matches[0]!;
    const key = await createApiKey(db, {
      workspaceId: workspace.id,
      name: input.name,
      role: input.role,
      createdBy: user.id,
      creatorRole: workspace.role,
    });
    return { id: key.id, name: key.name, role: key.role, workspace: { id: workspace.id, name: workspace.name }, key: key.key };
  },
};

function parse<T extends z.ZodType>(schema: T, flags: Record<string, string | undefined>): z.infer<T> {
  const result = schema.safeParse(flags);
  if (!result.success) {
    const missing = result.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`);
    throw new UsageError(missing.join("\n"));
  }
  return result.data;
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const run = command ? commands[command] : undefined;
  if (!run) throw new UsageError(command ? `Unknown command "${command}".` : "No command given.");
  const { values } = parseArgs({
    args: rest,
    options: Object.fromEntries(
      ["email", "password", "name", "workspace", "role"].map((name) => [name, { type: "string" as const }]),
    ),
    strict: true,
  });
  return run(values);
}

main()
  .then((result) => {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    process.exitCode = 0;
  })
  .catch((error) => {
    const message =
      error instanceof UsageError || isAppError(error) || error instanceof z.ZodError || error?.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION"
        ? error instanceof z.ZodError
          ? error.issues.map((i) => i.message).join("\n")
          : error.message
        : `Unexpected error: ${error?.message ?? error}`;
    process.stderr.write(`${JSON.stringify({ error: message })}\n${error instanceof UsageError ? `\n${usage}\n` : ""}`);
    process.exitCode = 1;
  })
  .finally(() => closeDb().then(() => process.exit()));
