import "server-only";
import { z } from "zod";
import { getDb } from "@/server/db";
import { isUniqueViolation } from "@/server/db/is-unique-violation";
import { getUserByEmail, insertUser } from "@/server/db/queries/users";
import { hashPassword } from "@/server/crypto/password";
import { AppError } from "@/server/errors";
import { isCommonPassword } from "./common-passwords";
import { createWorkspace, defaultWorkspaceName } from "@/server/workspaces/create-workspace";

export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email("Enter a valid email address."));
export const passwordSchema = z
  .string()
  .min(8, "Use at least 8 characters for the password.")
  .max(200, "Use at most 200 characters for the password.");

/** A password for a new account: sign-in still takes any old password (passwordSchema), sign-up refuses common ones. */
export const newPasswordSchema = passwordSchema.refine(
  (password) => !isCommonPassword(password),
  "This password is one of the most common ones, so it is among the first anyone guesses. Choose another: a few unrelated words work well.",
);

export const signUpSchema = z.object({
  name: z.string().trim().max(100).optional(),
  email: emailSchema,
  password: newPasswordSchema,
  workspaceName: z.string().trim().min(1).max(100).optional(),
});

/** Creates the user and their first workspace, as its owner, in one transaction. */
export async function signUp(input: z.input<typeof signUpSchema>) {
  const { name, email, password, workspaceName } = signUpSchema.parse(input);
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  const exists = () => new AppError("conflict:user", "An account with this email already exists. Sign in instead.");
  // Two sign-ups for one new email can both pass the look-up: the unique index decides, with the same answer.
  const created = db.transaction(async (tx) => {
    if (await getUserByEmail(tx, { email })) throw exists();
    const user = await insertUser(tx, { email, name: name || null, passwordHash });
    const workspace = await createWorkspace(tx, {
      userId: user.id,
      name: workspaceName ?? defaultWorkspaceName(user),
    });
    return { user: { id: user.id, email: user.email, name: user.name }, workspace };
  });
  return created.catch((error: unknown) => {
    throw isUniqueViolation(error) ? exists() : error;
  });
}
