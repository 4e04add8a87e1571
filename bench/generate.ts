/**
 * `node --import tsx bench/generate.ts [--proposals 50000] [--documents-per-proposal 10] [--real-files 0.002]`
 *
 * A deterministic national data set for the benchmarks (issue #10): 10 plan years (2017–2026), the 63
 * provinces until 2025 and the 34 from 2026, every organisation kind, ~50,000 proposals across activity
 * types and statuses, ~500,000 document records (a share with real files in storage), transitions and a
 * valid audit hash chain, Vietnamese titles and names. Loaded with COPY into a database migrated by the
 * application's own migrations (so the schema is exactly production's). Idempotent: a data set with the
 * same parameters is not loaded twice (marker in `app_settings`).
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import {
  ACTIVITY_TYPE_DEFINITIONS,
  ACTIVITY_TYPES,
  isActivityTypeValidIn,
} from '../domain/enums/activity-types';
import { DOCUMENT_KINDS } from '../domain/enums/document-kinds';
import { ADMIN_UNITS, REFORM_DATE, unitsInForce } from '../server/db/seed/data/admin-units';
import { canonicalJson, GENESIS_HASH, hashAuditRow } from '../server/modules/audit/record-audit';
import { createStorage, generateStorageKey } from '../server/platform/storage';
import { copyRows, PgArray } from './lib/copy';
import { createRng, type TRng } from './lib/rng';
import { openBenchRuntime, type TBenchRuntime } from './lib/runtime';
import { COMMUNES, FAMILY, FIRM_WORDS, GIVEN, MIDDLE, PRODUCTS } from './lib/vietnamese';

export type TDatasetOptions = {
  proposals: number;
  documentsPerProposal: number;
  realFileShare: number;
  seed: number;
};
export const DEFAULT_DATASET: TDatasetOptions = {
  proposals: 50_000,
  documentsPerProposal: 10,
  realFileShare: 0.002,
  seed: 20_261_128,
};
export const FIRST_YEAR = 2017;
export const LAST_YEAR = 2026;
const MARKER = 'bench.dataset';

/** The main line of the proposal status machine, and the side exits with the status they leave from. */
const MAIN_LINE = [
  'draft',
  'registered',
  'base_appraised',
  'submitted',
  'under_appraisal',
  'recommended',
  'approved',
  'contracted',
  'in_progress',
  'accepted',
  'settled',
  'closed',
] as const;
const SIDE_EXITS: Record<string, string> = {
  returned: 'submitted',
  not_recommended: 'under_appraisal',
  withdrawn: 'registered',
  rejected: 'base_appraised',
  stopped: 'contracted',
  carried_over: 'in_progress',
};

/** The statuses a proposal went through to reach `final` (for its transition rows). */
function pathTo(final: string): string[] {
  const exitFrom = SIDE_EXITS[final];
  const last = (exitFrom ?? final) as (typeof MAIN_LINE)[number];
  const line: string[] = MAIN_LINE.slice(0, MAIN_LINE.indexOf(last) + 1);
  return exitFrom ? [...line, final] : line;
}
const PATHS: Record<string, string[]> = Object.fromEntries(
  [...MAIN_LINE, ...Object.keys(SIDE_EXITS)].map((status) => [status, pathTo(status)]),
);

const PAST_STATUSES = [
  ['closed', 60],
  ['settled', 8],
  ['not_recommended', 10],
  ['withdrawn', 6],
  ['rejected', 5],
  ['stopped', 2],
  ['carried_over', 2],
  ['accepted', 7],
] as const;
const CURRENT_STATUSES = [
  ['draft', 20],
  ['registered', 15],
  ['base_appraised', 10],
  ['submitted', 25],
  ['returned', 8],
  ['under_appraisal', 20],
  ['withdrawn', 2],
] as const;
const BENEFICIARY_KINDS = ['sme', 'cooperative', 'household_business', 'cooperative_group'] as const;

function personName(rng: TRng) {
  return `${rng.pick(FAMILY)} ${rng.pick(MIDDLE)} ${rng.pick(GIVEN)}`;
}
function beneficiary(rng: TRng, provinceName: string) {
  const kind = rng.pick(BENEFICIARY_KINDS);
  const product = rng.pick(PRODUCTS);
  const name =
    kind === 'sme'
      ? `Công ty TNHH ${product.replace(/^./, (c) => c.toUpperCase())} ${rng.pick(FIRM_WORDS)}`
      : kind === 'cooperative'
        ? `Hợp tác xã ${rng.pick(FIRM_WORDS)}`
        : kind === 'household_business'
          ? `Hộ kinh doanh ${personName(rng)}`
          : `Tổ hợp tác ${rng.pick(FIRM_WORDS)}`;
  return {
    name,
    kind,
    taxCode: String(rng.int(1_000_000_000, 9_999_999_999)),
    address: `Xã ${rng.pick(COMMUNES)}, ${provinceName}`,
    representative: personName(rng),
    product,
  };
}

export async function generateDataset(runtime: TBenchRuntime, options: TDatasetOptions, log = console.log) {
  const { pool } = runtime.database;
  const marker = await pool.query<{ value: unknown }>('select value from app_settings where key = $1', [
    MARKER,
  ]);
  if (marker.rows[0] && canonicalJson(marker.rows[0].value) === canonicalJson(options)) {
    log(`data set already loaded (${options.proposals} proposals): skipped`);
    return { skipped: true as const };
  }
  if (marker.rows[0])
    throw new Error('a different benchmark data set is loaded: remove bench/.data and run again');
  const started = performance.now();
  const rng = createRng(options.seed);
  const storage = createStorage(runtime.config);
  // A bulk load, like a restore: run as the owner role (R7, ADR 0008), who may drop and rebuild the
  // secondary indexes and append to the audit trail directly.
  const client = await runtime.database.ownerPool().connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock(7344002)'); // the audit chain's writer lock

    // Organisations: the reference seed has the agency, regional centres and each new province's Sở,
    // centre and People's Committee; add service organisations (two per province) for every kind.
    const orgs = (
      await client.query<{ id: string; kind: string; province_code: string | null }>(
        'select id, kind, province_code from organizations',
      )
    ).rows;
    const newProvinces = unitsInForce(REFORM_DATE);
    const oldProvinces = unitsInForce('2020-01-01');
    const serviceOrgs: unknown[][] = [];
    for (const p of newProvinces)
      for (let i = 1; i <= 2; i += 1)
        serviceOrgs.push([
          rng.uuid(),
          'service_org',
          `Trung tâm Tư vấn và Dịch vụ ${rng.pick(FIRM_WORDS)} ${p.name} ${i}`,
          p.code,
        ]);
    await copyRows(client, 'organizations', ['id', 'kind', 'name', 'province_code'], serviceOrgs);
    const byProvince = new Map<string, string[]>();
    for (const o of [
      ...orgs,
      ...serviceOrgs.map((r) => ({ id: r[0] as string, kind: 'service_org', province_code: r[3] as string })),
    ]) {
      if (!o.province_code || !['provincial_department', 'extension_center', 'service_org'].includes(o.kind))
        continue;
      byProvince.set(o.province_code, [...(byProvince.get(o.province_code) ?? []), o.id]);
    }
    const regional = orgs.filter((o) => o.kind === 'regional_center').map((o) => o.id);
    const agency = orgs.find((o) => o.kind === 'agency')!;
    const successorOf = new Map(
      ADMIN_UNITS.filter((u) => u.successorCode).map((u) => [u.code, u.successorCode!]),
    );

    // One officer per province and one agency officer: the creators and actors of the history.
    const officers = new Map<string, string>();
    const userRows: unknown[][] = [];
    for (const p of newProvinces) {
      const id = rng.uuid();
      officers.set(p.code, id);
      const sở = orgs.find((o) => o.kind === 'provincial_department' && o.province_code === p.code)!;
      userRows.push([
        id,
        `bench.cv${p.code}@khuyencong.local`,
        personName(rng),
        sở.id,
        new PgArray(['province_officer']),
      ]);
    }
    const agencyOfficer = rng.uuid();
    userRows.push([
      agencyOfficer,
      'bench.cuc@khuyencong.local',
      personName(rng),
      agency.id,
      new PgArray(['agency_officer']),
    ]);
    await copyRows(client, 'users', ['id', 'email', 'name', 'organization_id', 'roles'], userRows);

    // Cycles, one national cycle per plan year on the regulation set in force for that year.
    const cycleIds = new Map<number, string>();
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
      const existing = await client.query<{ id: string }>(
        `select id from cycles where programme = 'national' and province_code is null and plan_year = $1`,
        [year],
      );
      if (existing.rows[0]) {
        cycleIds.set(year, existing.rows[0].id);
        continue;
      }
      const set = await client.query<{ id: string }>(
        `select id from regulation_sets where programme = 'national' and effective_from_year <= $1
           and (effective_to_year is null or effective_to_year >= $1) order by effective_from_year desc, version desc limit 1`,
        [year],
      );
      const inserted = await client.query<{ id: string }>(
        `insert into cycles (plan_year, status, registration_deadline, dossier_deadline, budget_envelope, regulation_set_id)
         values ($1, $2, $3, $4, $5, $6) returning id`,
        [
          year,
          year === LAST_YEAR ? 'appraisal' : 'closed',
          `${year - 1}-06-20T16:59:59.999Z`,
          `${year - 1}-09-30T16:59:59.999Z`,
          120_000_000_000 + (year - FIRST_YEAR) * 5_000_000_000,
          set.rows[0]!.id,
        ],
      );
      cycleIds.set(year, inserted.rows[0]!.id);
    }

    // Proposals, their transitions, documents and audit events.
    const perYear = Math.ceil(options.proposals / (LAST_YEAR - FIRST_YEAR + 1));
    const counters = new Map<string, number>();
    const proposals: unknown[][] = [];
    const transitions: unknown[][] = [];
    const audits: {
      at: Date;
      actor: string;
      action: string;
      entityId: string;
      provinceCode: string;
      before: unknown;
      after: unknown;
    }[] = [];
    const documents: unknown[][] = [];
    const realFiles: { key: string; size: number; seed: number }[] = [];
    for (let year = FIRST_YEAR; year <= LAST_YEAR && proposals.length < options.proposals; year += 1) {
      const provinces = year >= 2026 ? newProvinces : oldProvinces;
      const types = ACTIVITY_TYPES.filter((t) => isActivityTypeValidIn(t, year));
      for (let n = 0; n < perYear && proposals.length < options.proposals; n += 1) {
        const regionalUnit = rng.chance(0.04);
        const province = rng.pick(provinces);
        const todayCode = year >= 2026 ? province.code : (successorOf.get(province.code) ?? province.code);
        const orgId = regionalUnit ? rng.pick(regional) : rng.pick(byProvince.get(todayCode) ?? [agency.id]);
        const counterKey = `${year}-${province.code}`;
        const seq = (counters.get(counterKey) ?? 0) + 1;
        counters.set(counterKey, seq);
        const id = rng.uuid();
        const type = rng.pick(types);
        const product = rng.pick(PRODUCTS);
        const commune = rng.pick(COMMUNES);
        const ben = beneficiary(rng, province.fullName);
        const total = rng.int(4, 400) * 10_000_000;
        const requested = Math.round(total * rng.int(10, 50)) / 100;
        const requestedVnd = Math.floor(requested / 1000) * 1000;
        const other = rng.chance(0.2) ? Math.floor(total * 0.05) : 0;
        const status = year === LAST_YEAR ? rng.weighted(CURRENT_STATUSES) : rng.weighted(PAST_STATUSES);
        const createdAt = new Date(Date.UTC(year - 1, rng.int(3, 5), rng.int(1, 28), rng.int(1, 10)));
        const approved = PATHS[status]!.includes('approved')
          ? Math.floor((requestedVnd * rng.int(80, 100)) / 100 / 1000) * 1000
          : null;
        const creator = officers.get(todayCode) ?? agencyOfficer;
        proposals.push([
          id,
          `KCQG-${year}-${province.code}-${String(seq).padStart(4, '0')}`,
          cycleIds.get(year),
          year,
          province.code,
          orgId,
          type,
          `${ACTIVITY_TYPE_DEFINITIONS[type].nameVi} ${product} tại xã ${commune}, ${province.fullName}`,
          rng.chance(0.05),
          rng.chance(0.1),
          ben,
          { commune: `Xã ${commune}`, provinceCode: province.code },
          `${year}-0${rng.int(2, 5)}-01`,
          `${year}-1${rng.int(0, 1)}-30`,
          total,
          requestedVnd,
          total - requestedVnd - other,
          other,
          rng.chance(0.3),
          rng.chance(0.2),
          rng.chance(0.15),
          rng.chance(0.1),
          [{ name: 'Sản phẩm đầu ra', quantity: rng.int(1, 5), unit: 'mô hình' }],
          {},
          rng.chance(0.8) ? 'selection' : 'bidding',
          status,
          approved,
          creator,
          PATHS[status]!.includes('submitted') ? new Date(Date.UTC(year - 1, 8, rng.int(1, 29))) : null,
          createdAt,
          createdAt,
        ]);
        const path = PATHS[status]!;
        let at = createdAt;
        for (let i = 1; i < path.length; i += 1) {
          at = new Date(at.getTime() + rng.int(2, 40) * 86_400_000);
          transitions.push([id, path[i], path[i - 1], path[i], creator, at]);
          audits.push({
            at,
            actor: creator,
            action: `proposal.${path[i]}`,
            entityId: id,
            provinceCode: province.code,
            before: { status: path[i - 1] },
            after: { status: path[i] },
          });
        }
        const docCount =
          status === 'draft'
            ? rng.int(0, 4)
            : rng.int(options.documentsPerProposal - 4, options.documentsPerProposal + 4);
        for (let d = 0; d < docCount; d += 1) {
          const kind = DOCUMENT_KINDS[d % DOCUMENT_KINDS.length]!;
          const version = d < DOCUMENT_KINDS.length ? 1 : Math.floor(d / DOCUMENT_KINDS.length) + 1;
          const real = rng.chance(options.realFileShare);
          const size = real ? rng.int(20_000, 200_000) : rng.int(50_000, 20_000_000);
          const uploadedAt = new Date(createdAt.getTime() + rng.int(1, 90) * 86_400_000);
          const key = generateStorageKey('documents', uploadedAt).replace(/[0-9a-f-]{36}$/, rng.uuid());
          const fileSeed = rng.int(1, 2 ** 30);
          if (real) realFiles.push({ key, size, seed: fileSeed });
          documents.push([
            rng.uuid(),
            id,
            kind,
            version,
            `${kind.replace(/_/g, '-')} ${ben.name}.pdf`,
            'application/pdf',
            size,
            real ? null : rng.hex(64),
            key,
            creator,
            uploadedAt,
            null,
          ]);
        }
      }
    }
    // Real files: stored through the storage interface; their SHA-256 goes into the document row.
    let phaseStart = started;
    const phase = (name: string) => {
      log(`  ${name}: ${((performance.now() - phaseStart) / 1000).toFixed(1)} s`);
      phaseStart = performance.now();
    };
    phase('rows generated in memory');
    const shaByKey = new Map<string, { sha256: string; size: number }>();
    for (const f of realFiles) {
      const body = fakePdf(f.size, f.seed);
      const put = await storage.put(f.key, Readable.from([body]));
      shaByKey.set(f.key, put);
    }
    for (const d of documents) {
      const real = shaByKey.get(d[8] as string);
      if (real) {
        d[6] = real.size;
        d[7] = real.sha256;
      }
    }
    phase(`${realFiles.length} real files stored`);
    // Like pg_restore: the secondary indexes of the loaded tables are dropped and rebuilt after the
    // COPYs (one sort per index instead of 1.4 million incremental inserts, GIN ones included), and,
    // where the role may, foreign-key triggers are skipped for the load (the generator's ids are
    // consistent by construction).
    const indexes = (
      await client.query<{ name: string; definition: string }>(
        `select i.indexname as name, i.indexdef as definition from pg_indexes i
          where i.schemaname = current_schema()
            and i.tablename in ('proposals', 'proposal_transitions', 'proposal_documents', 'audit_events')
            and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
      )
    ).rows;
    for (const index of indexes) await client.query(`drop index ${client.escapeIdentifier(index.name)}`);
    await client.query('savepoint replication_role');
    let replica = false;
    try {
      await client.query('set local session_replication_role = replica');
      replica = true;
    } catch {
      await client.query('rollback to savepoint replication_role');
    }
    const nProposals = await copyRows(
      client,
      'proposals',
      [
        'id',
        'code',
        'cycle_id',
        'plan_year',
        'province_code',
        'implementing_organization_id',
        'activity_type',
        'title',
        'is_pilot',
        'is_group_project',
        'beneficiary',
        'location',
        'start_date',
        'end_date',
        'budget_total',
        'budget_requested',
        'budget_counterpart',
        'budget_other',
        'priority_area',
        'priority_industry',
        'women_owned',
        'ethnic_minority_owned',
        'outputs',
        'fields',
        'selection_method',
        'status',
        'approved_funding',
        'created_by',
        'submitted_at',
        'created_at',
        'updated_at',
      ],
      proposals,
    );
    await copyRows(
      client,
      'proposal_code_counters',
      ['programme', 'plan_year', 'province_code', 'last_seq'],
      [...counters].map(([k, v]) => ['national', Number(k.slice(0, 4)), k.slice(5), v]),
    );
    const nTransitions = await copyRows(
      client,
      'proposal_transitions',
      ['proposal_id', 'action', 'from_status', 'to_status', 'actor_user_id', 'at'],
      transitions,
    );
    const nDocuments = await copyRows(
      client,
      'proposal_documents',
      [
        'id',
        'proposal_id',
        'kind',
        'version',
        'file_name',
        'content_type',
        'size',
        'sha256',
        'storage_key',
        'uploaded_by',
        'uploaded_at',
        'superseded_at',
      ],
      documents,
    );

    // The audit history, chained onto the existing chain exactly as recordAudit would write it.
    phase('proposals, transitions and documents copied');
    audits.sort((a, b) => a.at.getTime() - b.at.getTime());
    const last = await client.query<{ id: number; hash: string }>(
      'select id, hash from audit_events order by id desc limit 1',
    );
    let prevHash = last.rows[0]?.hash ?? GENESIS_HASH;
    let nextId = Number(last.rows[0]?.id ?? 0) + 1;
    const nAudit = await copyRows(
      client,
      'audit_events',
      [
        'id',
        'occurred_at',
        'actor_user_id',
        'actor_label',
        'action',
        'entity_type',
        'entity_id',
        'province_code',
        'before',
        'after',
        'prev_hash',
        'hash',
      ],
      (function* () {
        for (const a of audits) {
          const row = {
            id: nextId,
            occurredAt: a.at,
            actorUserId: a.actor,
            actorLabel: 'bench',
            action: a.action,
            entityType: 'proposal',
            entityId: a.entityId,
            provinceCode: a.provinceCode,
            ip: null,
            requestId: null,
            before: a.before,
            after: a.after,
            prevHash,
          };
          const hash = hashAuditRow(row);
          yield [
            row.id,
            row.occurredAt,
            row.actorUserId,
            row.actorLabel,
            row.action,
            row.entityType,
            row.entityId,
            row.provinceCode,
            row.before,
            row.after,
            prevHash,
            hash,
          ];
          prevHash = hash;
          nextId += 1;
        }
      })(),
    );
    await client.query(`select setval(pg_get_serial_sequence('audit_events', 'id'), $1)`, [nextId - 1]);
    await client.query('insert into app_settings (key, value) values ($1, $2)', [
      MARKER,
      JSON.stringify(options),
    ]);
    phase('audit chain hashed and copied');
    if (replica) await client.query('set local session_replication_role = origin');
    for (const index of indexes) await client.query(index.definition);
    phase(`${indexes.length} indexes rebuilt`);
    await client.query('commit');
    await client.query('analyze');
    phase('analyzed');
    const seconds = (performance.now() - started) / 1000;
    log(
      `loaded ${nProposals} proposals, ${nTransitions} transitions, ${nDocuments} documents (${realFiles.length} real files), ${nAudit} audit events in ${seconds.toFixed(1)} s`,
    );
    return { skipped: false as const, proposals: nProposals, documents: nDocuments, audit: nAudit, seconds };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** A small valid-looking PDF of `size` bytes whose content depends on `seed`. */
function fakePdf(size: number, seed: number): Buffer {
  const head = Buffer.from('%PDF-1.7\n% Khuyến công benchmark\n', 'utf8');
  const tail = Buffer.from('\n%%EOF\n');
  const body = Buffer.alloc(Math.max(0, size - head.length - tail.length));
  let x = createHash('sha256').update(String(seed)).digest();
  for (let i = 0; i < body.length; i += 32) {
    x.copy(body, i, 0, Math.min(32, body.length - i));
    x = createHash('sha256').update(x).digest();
  }
  return Buffer.concat([head, body, tail]);
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const options: TDatasetOptions = {
    ...DEFAULT_DATASET,
    proposals: Number(argument('proposals') ?? DEFAULT_DATASET.proposals),
    documentsPerProposal: Number(argument('documents-per-proposal') ?? DEFAULT_DATASET.documentsPerProposal),
    realFileShare: Number(argument('real-files') ?? DEFAULT_DATASET.realFileShare),
  };
  const runtime = await openBenchRuntime();
  try {
    await generateDataset(runtime, options);
  } finally {
    await runtime.shutdown();
  }
}
