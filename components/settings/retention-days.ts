// The retention form's own reading of the days field: what only text can get wrong here, then the shared rule
// (shared/retention-days.ts) that workspaces.setRetention checks too, so the person sees what is wrong before sending.
import { retentionDaysSchema } from "@/shared/retention-days";

export function parseRetentionDays(text: string): { days: number } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === "") return { error: "Enter a number of days." };
  if (!/^\d+$/.test(trimmed)) return { error: "Enter a whole number of days, such as 90." };
  const parsed = retentionDaysSchema.safeParse(Number(trimmed));
  return parsed.success ? { days: parsed.data! } : { error: parsed.error.issues[0]!.message };
}

/** True when the new setting removes something the old one kept: the change is confirmed first. */
export function shortensRetention(from: number | null, to: number | null) {
  return to !== null && (from === null || to < from);
}
