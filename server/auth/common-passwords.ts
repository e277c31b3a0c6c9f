// The 10,000 most common passwords of 8+ characters (common-passwords.txt says where they come from), refused at
// sign-up: they are the first guesses of anyone trying accounts, and the per-account backoff only slows guessing.
import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";

let common: Set<string> | null = null;

/** Read once, on first use; the file sits in the source tree like drizzle/, so it is found from the working directory. */
function load(): Set<string> {
  const text = readFileSync(path.join(process.cwd(), "server/auth/common-passwords.txt"), "utf8");
  return new Set(text.split("\n").filter((line) => line && !line.startsWith("#")));
}

/** Compared in lower case: "Password1" is no better a guess than "password1". */
export function isCommonPassword(password: string): boolean {
  common ??= load();
  return common.has(password.toLowerCase());
}
