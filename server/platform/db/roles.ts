import type pg from 'pg';

/**
 * R7, ADR 0008: two database roles. The OWNER role owns the schema and runs the migrations; the APP
 * role serves requests and runs jobs. The app role may read and write every application table but
 * only SELECT and INSERT on `audit_events`: a bug or an injection in the running application cannot
 * UPDATE, DELETE or TRUNCATE the audit trail, whatever the append-only trigger (migration 0001) does.
 *
 * `grantAppRole` is run by the owner after every migration (idempotent), so the tables a later
 * migration adds are granted too; default privileges cover objects the owner creates in between.
 */
export const EMBEDDED_APP_ROLE = 'khuyencong_app';

/** Tables where the app role may only read and append. */
export const APPEND_ONLY_TABLES = ['audit_events'] as const;

/** The pg-boss queue schema: the app role owns it, because pg-boss creates a table per queue. */
export const JOBS_SCHEMA = 'pgboss';

export const quoteRole = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Grants run as the owner (a superuser or the owner of the application's tables). */
export async function grantAppRole(owner: pg.Client | pg.PoolClient, appRole: string): Promise<void> {
  const app = quoteRole(appRole);
  const ownerRole = (await owner.query<{ r: string }>('select current_user as r')).rows[0]?.r;
  if (!ownerRole) throw new Error('could not read the owner role');
  if (ownerRole === appRole) throw new Error('the owner and the app role are the same role');
  const statements = [
    `grant usage on schema public to ${app}`,
    `grant select, insert, update, delete on all tables in schema public to ${app}`,
    `grant usage, select, update on all sequences in schema public to ${app}`,
    `alter default privileges in schema public grant select, insert, update, delete on tables to ${app}`,
    `alter default privileges in schema public grant usage, select, update on sequences to ${app}`,
    // The migrations journal: read by backups and by the restore's version check.
    'create schema if not exists drizzle',
    `grant usage on schema drizzle to ${app}`,
    `grant select on all tables in schema drizzle to ${app}`,
  ];
  for (const table of APPEND_ONLY_TABLES) {
    statements.push(`revoke update, delete, truncate, references, trigger on ${table} from ${app}`);
    statements.push(`grant select, insert on ${table} to ${app}`);
  }
  for (const statement of statements) await owner.query(statement);
  await giveJobsSchemaTo(owner, appRole);
}

/**
 * pg-boss (10.x) runs its own DDL at start (its migrations, one partition per queue), so the app role
 * must OWN its schema and every object in it. An instance that ran pg-boss as the owner before R7 has
 * the schema owned by the owner: ownership moves to the app role here.
 */
async function giveJobsSchemaTo(owner: pg.Client | pg.PoolClient, appRole: string): Promise<void> {
  const app = quoteRole(appRole);
  // pg-boss runs `CREATE SCHEMA IF NOT EXISTS pgboss` at every start, which PostgreSQL checks against
  // the database's CREATE privilege before it looks for the schema: the app role needs it (it gives
  // no right over the schemas and tables it does not own).
  await owner.query(`grant create on database ${quoteRole(await currentDatabase(owner))} to ${app}`);
  await owner.query(`create schema if not exists ${JOBS_SCHEMA} authorization ${app}`);
  await owner.query(`alter schema ${JOBS_SCHEMA} owner to ${app}`);
  const objects = await owner.query<{ kind: string; name: string }>(
    `select case c.relkind when 'S' then 'sequence' when 'v' then 'view' else 'table' end as kind,
            format('%I.%I', n.nspname, c.relname) as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and c.relkind in ('r', 'p', 'v', 'S')
        and not (c.relkind = 'S' and exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i')))
        and pg_get_userbyid(c.relowner) <> $2
     union all
     select 'function', format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid))
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = $1 and pg_get_userbyid(p.proowner) <> $2
     union all
     select 'type', format('%I.%I', n.nspname, t.typname)
       from pg_type t join pg_namespace n on n.oid = t.typnamespace
      where n.nspname = $1 and t.typtype = 'e' and pg_get_userbyid(t.typowner) <> $2`,
    [JOBS_SCHEMA, appRole],
  );
  for (const { kind, name } of objects.rows) {
    await owner.query(`alter ${kind} ${name} owner to ${app}`);
  }
}

async function currentDatabase(client: pg.Client | pg.PoolClient): Promise<string> {
  const name = (await client.query<{ db: string }>('select current_database() as db')).rows[0]?.db;
  if (!name) throw new Error('could not read the database name');
  return name;
}

/** Creates the app role (LOGIN, no other attribute) or resets its password; run as a superuser. */
export async function ensureAppRole(superuser: pg.Client, appRole: string, password: string): Promise<void> {
  const exists = await superuser.query('select 1 from pg_roles where rolname = $1', [appRole]);
  const literal = `'${password.replace(/'/g, "''")}'`;
  if (exists.rowCount === 0) {
    await superuser.query(
      `create role ${quoteRole(appRole)} login nosuperuser nocreatedb nocreaterole noinherit password ${literal}`,
    );
  } else {
    await superuser.query(`alter role ${quoteRole(appRole)} login password ${literal}`);
  }
}
