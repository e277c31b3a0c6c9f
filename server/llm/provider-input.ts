// What a person may send for a model provider: checked here once, for the form, the API and tests alike.
import "server-only";
import { z } from "zod";
import { isMasked } from "@/server/crypto/secret-box";
import { providerKindEnum } from "@/server/db/schema";
import { maxModels } from "./provider-kinds";

export const providerKindSchema = z.enum(providerKindEnum.enumValues);

export const modelIdSchema = z.string().trim().min(1, "Enter a model id.").max(200, "Model ids are at most 200 characters.");

export const providerModelsSchema = z
  .array(z.object({ id: modelIdSchema, toolCalling: z.boolean(), vision: z.boolean().optional() }))
  .max(maxModels, `A provider can list at most ${maxModels} models.`)
  .refine((models) => new Set(models.map((m) => m.id)).size === models.length, "Each model id may appear once.");

const baseUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine((value) => {
    try {
      return /^https?:$/.test(new URL(value).protocol);
    } catch {
      return false;
    }
  }, "Enter an http or https URL, like https://api.deepseek.com/v1.");

// Keys travel in a header: printable ASCII only. The masked form ("sk••••ab") comes back from the form unchanged.
const apiKeySchema = z
  .string()
  .trim()
  .max(1_000)
  .refine((value) => value === "" || isMasked(value) || /^[\x21-\x7e]+$/.test(value), "API keys contain no spaces or special characters.");

export const providerInputSchema = z
  .object({
    kind: providerKindSchema,
    name: z.string().trim().min(1, "Give the provider a name.").max(60, "Names are at most 60 characters."),
    baseUrl: z.union([z.literal(""), baseUrlSchema]).nullish().transform((v) => v || null),
    /** Plain text to set, the masked value to keep the stored key, or empty / null for none. */
    apiKey: apiKeySchema.nullish().transform((v) => v || null),
  })
  .superRefine((input, ctx) => {
    if (input.kind === "openai_compatible" && !input.baseUrl) {
      ctx.addIssue({ code: "custom", path: ["baseUrl"], message: "OpenAI-compatible providers need a base URL, like https://api.deepseek.com/v1." });
    }
    if (input.kind !== "openai_compatible" && !input.apiKey) {
      ctx.addIssue({ code: "custom", path: ["apiKey"], message: "Enter the provider's API key." });
    }
  });

export type ProviderInput = z.infer<typeof providerInputSchema>;
