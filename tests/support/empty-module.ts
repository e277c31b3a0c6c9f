// Stands in for "server-only" under Vitest and the admin CLI: both run server code outside Next.
export {};
