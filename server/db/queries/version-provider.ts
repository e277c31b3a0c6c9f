// The model provider a published version names in its config, joined beside the version: the endpoint's query and
// a task's run both read it in the same query as the version, so a call needs no query of its own for it.
import { and, eq, sql } from "drizzle-orm";
import { appVersions, modelProviders } from "@/server/db/schema";

/** Null fields when the provider was removed since the version was published. */
export const versionProviderColumns = {
  id: modelProviders.id,
  kind: modelProviders.kind,
  name: modelProviders.name,
  baseUrl: modelProviders.baseUrl,
  apiKeyCiphertext: modelProviders.apiKeyCiphertext,
  /** The vision flag of the version's model in the provider's list; null when unset or not listed (the default applies). */
  vision: sql<boolean | null>`(select (m ->> 'vision')::boolean from jsonb_array_elements(${modelProviders.models}) m where m ->> 'id' = ${appVersions.config} #>> '{model,model}' limit 1)`,
};

/** The join condition: same workspace as the version, the id the version's config names. */
export const versionProviderJoin = and(
  eq(modelProviders.workspaceId, appVersions.workspaceId),
  eq(modelProviders.id, sql`${appVersions.config} #>> '{model,providerId}'`),
);
