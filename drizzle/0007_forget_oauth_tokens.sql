-- Tokens GitHub and Google handed to Auth.js at sign-in: never used, so not kept (server/auth/adapter.ts).
UPDATE "accounts" SET "access_token" = NULL, "refresh_token" = NULL, "id_token" = NULL, "session_state" = NULL;
