/**
 * The P1 floor: a bare Fastify + `pg` server answering the proposal list with the same SQL the
 * application's `listProposals` runs for an agency user (scope `true`), without authentication,
 * validation, presenter or audit. `DATABASE_URL`, `PORT` from the environment.
 */
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const app = Fastify({ logger: false });

const SEARCH = `f_unaccent(lower(p.title || ' ' || p.code || ' ' || coalesce(p.beneficiary->>'name', '')))`;

app.get('/health', async () => ({ status: 'ok' }));
app.get('/list', async (request) => {
  const q = request.query as Record<string, string | undefined>;
  const where: string[] = ['true'];
  const params: unknown[] = [];
  const add = (clause: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (q.planYear) add((n) => `p.plan_year = ${n}`, Number(q.planYear));
  if (q.status) add((n) => `p.status = any(${n})`, q.status.split(','));
  if (q.activityType) add((n) => `p.activity_type = ${n}`, q.activityType);
  for (const word of (q.q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 10))
    add(
      (n) => `${SEARCH} like '%' || f_unaccent(lower(${n})) || '%'`,
      word.replace(/[\\%_]/g, (c) => `\\${c}`),
    );
  const order = q.sort === 'code' ? 'p.code asc' : 'p.created_at desc, p.code asc';
  const page = Number(q.page ?? 1);
  const sqlWhere = where.join(' and ');
  const [items, total] = await Promise.all([
    pool.query(
      `select p.*, o.name as org_name, o.kind as org_kind, o.province_code as org_province
         from proposals p join organizations o on o.id = p.implementing_organization_id
        where ${sqlWhere} order by ${order} limit 50 offset ${(page - 1) * 50}`,
      params,
    ),
    pool.query(`select count(*)::int as n from proposals p where ${sqlWhere}`, params),
  ]);
  return { items: items.rows, total: total.rows[0].n };
});

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
