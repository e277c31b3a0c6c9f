// The retention form's own check of the days field, the same bounds as the server's schema (server/api/routers/workspaces.ts)
// so the person sees what is wrong before anything is sent.
export const maxRetentionDays = 3650;

export function parseRetentionDays(text: string): { days: number } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === "") return { error: "Enter a number of days." };
  if (!/^\d+$/.test(trimmed)) return { error: "Enter a whole number of days, such as 90." };
  const days = Number(trimmed);
  if (days < 1) return { error: "Keep them for at least 1 day." };
  if (days > maxRetentionDays) return { error: `Keep them for at most ${maxRetentionDays} days (10 years), or choose Forever.` };
  return { days };
}

/** True when the new setting removes something the old one kept: the change is confirmed first. */
export function shortensRetention(from: number | null, to: number | null) {
  return to !== null && (from === null || to < from);
}
