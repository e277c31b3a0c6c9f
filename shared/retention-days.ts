// How long a workspace keeps its call logs and conversations: one rule for the settings form (its messages shown
// before anything is sent) and for workspaces.setRetention, which checks it again.
import { z } from "zod";

export const maxRetentionDays = 3650;

/** Whole days from 1 to 3650, or null: kept forever. */
export const retentionDaysSchema = z
  .number({ error: "Give the number of days as a whole number." })
  .int("Give the number of days as a whole number.")
  .min(1, "Keep them for at least 1 day.")
  .max(maxRetentionDays, `Keep them for at most ${maxRetentionDays} days (10 years), or choose Forever.`)
  .nullable();
