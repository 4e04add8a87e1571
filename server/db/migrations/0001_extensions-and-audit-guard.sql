-- Extensions drizzle-kit cannot emit. Both are "trusted" since PostgreSQL 13, so a database owner
-- without superuser rights can create them on a managed server.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- unaccent() is only STABLE (its dictionary could change), so it cannot be indexed directly.
-- This wrapper pins the dictionary and is declared IMMUTABLE so that expression indexes such as
-- gin (f_unaccent(lower(col)) gin_trgm_ops) are possible for diacritic-insensitive search.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, replace(replace($1, 'đ', 'd'), 'Đ', 'D')) $$;
--> statement-breakpoint
-- The audit trail is append-only: refuse UPDATE, DELETE and TRUNCATE for every role.
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
CREATE INDEX organizations_name_search_idx ON organizations USING gin (f_unaccent(lower(name)) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX users_name_search_idx ON users USING gin (f_unaccent(lower(name || ' ' || email)) gin_trgm_ops);
