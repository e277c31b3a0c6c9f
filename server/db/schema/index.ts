export * from "./users";
export * from "./workspaces";
export * from "./api-keys";
export * from "./model-providers";
export * from "./apps";
