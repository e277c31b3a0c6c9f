export * from "./users";
export * from "./workspaces";
export * from "./api-keys";
export * from "./model-providers";
export * from "./apps";
export * from "./mcp-servers";
export * from "./published-servers";
export * from "./user-sessions";
