/** For test tools that only read: they run without asking first (server/agent/tool-approval.ts). */
export const readOnly = { readOnlyHint: true } as const;
