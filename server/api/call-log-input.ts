import { z } from "zod";
import { idSchema } from "./trpc";

// The call log's filters and page, the same for an app's server and the workspace server (whose log adds an app
// filter of its own).
export const callLogInputSchema = z.object({
  method: z.string().max(100).nullish(),
  outcome: z.enum(["ok", "error", "cancelled", "refused"]).nullish(),
  from: z.date().nullish(),
  to: z.date().nullish(),
  callerUserId: idSchema.nullish(),
  oauthClientId: z.string().min(1).max(2_000).nullish(),
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
