// Which tools of one connected server an agent (an agent app, or a workflow's Agent node) may call.
import { z } from "zod";

/** Which tools of one tool server an agent may call. `all` follows the server's list as it changes. */
export const toolBindingSchema = z.object({
  serverId: z.string().min(1).max(100),
  mode: z.enum(["all", "selected"]),
  /** Per-tool switches; with mode "all", a tool missing here is enabled. */
  tools: z
    .array(
      z.object({
        name: z.string().min(1).max(200),
        enabled: z.boolean(),
        /** Shown to the model instead of the server's own description; absent or empty keeps the server's. */
        description: z.string().trim().max(2000, "A tool description is at most 2,000 characters.").optional(),
        /** "auto" runs it, "ask" asks a person first; absent follows the tool's annotations (shared/asks-first.ts). */
        approval: z.enum(["auto", "ask"]).optional(),
      }),
    )
    .max(500)
    .default([]),
  /** URIs of the server's resources read at run start and given to the model as context (resource-context.ts). */
  resources: z.array(z.string().min(1).max(2048)).max(20).optional(),
});
export type ToolBinding = z.infer<typeof toolBindingSchema>;
