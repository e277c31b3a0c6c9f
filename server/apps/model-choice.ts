// The model an app (or a workflow's LLM and Agent nodes) runs on, and its sampling settings.
import { z } from "zod";

export const modelChoiceSchema = z.object({
  providerId: z.string().min(1).max(100),
  model: z.string().min(1).max(200),
  temperature: z.number().min(0).max(2).nullable().default(null),
  maxTokens: z.number().int().min(1).max(200_000).nullable().default(null),
});
export type ModelChoice = z.infer<typeof modelChoiceSchema>;
