-- Servers that had keys required them: they keep doing so as "API key" servers; the rest stay "Anyone with the URL".
UPDATE "published_servers" SET "access_mode" = 'api_key'
WHERE EXISTS (SELECT 1 FROM "published_server_keys" k WHERE k."app_id" = "published_servers"."app_id");
