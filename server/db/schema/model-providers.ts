// Model providers per workspace: OpenAI, Anthropic, or any OpenAI-compatible endpoint. Keys are sealed (server/crypto).
import { index, jsonb, pgEnum, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

export const providerKindEnum = pgEnum("provider_kind", ["openai", "anthropic", "openai_compatible"]);

export interface ProviderModel {
  id: string;
  /** Whether the model can call tools; agents only offer models where this is true. */
  toolCalling: boolean;
  /** Whether the model takes images (tool results with images reach it as images); unset in lists saved before the flag. */
  vision?: boolean;
}

export const modelProviders = pgTable(
  "model_providers",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    kind: providerKindEnum("kind").notNull(),
    name: text("name").notNull(),
    /** Required for openai_compatible; optional override for the others. */
    baseUrl: text("base_url"),
    /** sealSecret(apiKey, aad = provider id); null for endpoints without a key (a local Ollama). */
    apiKeyCiphertext: text("api_key_ciphertext"),
    models: jsonb("models").$type<ProviderModel[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("model_providers_workspace_name").on(t.workspaceId, t.name), index("model_providers_workspace_idx").on(t.workspaceId)],
);

export type ModelProvider = typeof modelProviders.$inferSelect;
export type NewModelProvider = typeof modelProviders.$inferInsert;
export type ProviderKind = (typeof providerKindEnum.enumValues)[number];
