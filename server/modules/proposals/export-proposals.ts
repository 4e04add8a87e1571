import type { Writable } from 'node:stream';
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { TProposalsExportQuery } from '../../../domain/schemas/proposal-sheets';
import { assertCan, auditActor, type TActor } from '../../access/actor';
import { organizations, proposals } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { createSheetWriter } from '../../platform/spreadsheet';
import { recordAudit } from '../audit/record-audit';
import { proposalFilters, SORTABLE } from './proposals.repository';
import { PROPOSALS_SHEET, sheetRowOf } from './proposals.sheet';

/** Rows fetched from the cursor at a time: memory holds one batch, whatever the export's size. */
export const EXPORT_FETCH_SIZE = 500;

/** The issuing body's lines of the table's heading, in capitals (Decree 30/2020 layout). */
async function issuingBody(tx: TTx, actor: TActor): Promise<string> {
  if (actor.via === 'system') return 'BỘ CÔNG THƯƠNG';
  const [org] = await tx
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, actor.organizationId))
    .limit(1);
  return (org?.name ?? 'BỘ CÔNG THƯƠNG').toLocaleUpperCase('vi');
}

/**
 * Streams the proposals the actor may see, with the list's filters, as the registration table
 * (Biểu tổng hợp, `PROPOSALS_SHEET`) into `output`. Rows come from a server-side cursor
 * (`DECLARE … CURSOR` in `tx`, `FETCH 500` at a time) and go through ExcelJS' streaming writer, so
 * 50,000 rows need no more memory than 500. The export is audited (`proposal.list_exported`) in `tx`.
 * Callable without HTTP (CLI, benchmarks): give it a transaction and any writable stream.
 */
export async function exportProposalsXlsx(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  filters: TProposalsExportQuery;
  output: Writable;
  onProgress?: (done: number, total: number) => void;
}): Promise<{ rows: number }> {
  const { actor, tx, now, filters, output, onProgress } = input;
  assertCan(actor, 'proposals.read');
  const where = proposalFilters(actor, filters);
  const sortKey = (filters.sort ?? 'code').replace(/^-/, '') as keyof typeof SORTABLE;
  const direction = (filters.sort ?? 'code').startsWith('-') ? desc : asc;
  const [counted] = (
    await tx.execute<{ n: number }>(sql`select count(*)::int as n from ${proposals} where ${where}`)
  ).rows;
  const total = Number(counted?.n ?? 0);

  const query = tx
    .select({
      code: proposals.code,
      title: proposals.title,
      activity_type: proposals.activityType,
      is_pilot: proposals.isPilot,
      is_group_project: proposals.isGroupProject,
      implementing_name: sql<string>`${organizations.name}`.as('implementing_name'),
      beneficiary: proposals.beneficiary,
      location: proposals.location,
      start_date: proposals.startDate,
      end_date: proposals.endDate,
      budget_total: proposals.budgetTotal,
      budget_requested: proposals.budgetRequested,
      budget_counterpart: proposals.budgetCounterpart,
      budget_other: proposals.budgetOther,
      priority_area: proposals.priorityArea,
      priority_industry: proposals.priorityIndustry,
      selection_method: proposals.selectionMethod,
      status: proposals.status,
    })
    .from(proposals)
    .innerJoin(organizations, eq(organizations.id, proposals.implementingOrganizationId))
    .where(where)
    .orderBy(direction(SORTABLE[sortKey] ?? proposals.code), asc(proposals.code));

  const years = filters.planYear ? ` NĂM ${filters.planYear}` : '';
  const writer = createSheetWriter(PROPOSALS_SHEET, output, {
    titleRows: [
      [await issuingBody(tx, actor), 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc'],
      `BIỂU TỔNG HỢP ĐĂNG KÝ KẾ HOẠCH KHUYẾN CÔNG QUỐC GIA${years}`,
      `(Số đề án: ${total.toLocaleString('vi-VN')}; đơn vị tính: đồng)`,
    ],
    boldTitleRows: [0, 1],
  });

  const cursor = `proposals_export_${Math.random().toString(36).slice(2, 10)}`;
  await tx.execute(sql`declare ${sql.identifier(cursor)} no scroll cursor for ${query}`);
  let done = 0;
  for (;;) {
    const batch = await tx.execute<Record<string, unknown>>(
      sql`fetch ${sql.raw(String(EXPORT_FETCH_SIZE))} from ${sql.identifier(cursor)}`,
    );
    for (const row of batch.rows) await writer.addRow(sheetRowOf(row));
    done += batch.rows.length;
    onProgress?.(done, total);
    if (batch.rows.length < EXPORT_FETCH_SIZE) break;
  }
  await tx.execute(sql`close ${sql.identifier(cursor)}`);
  const result = await writer.finish();
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'proposal.list_exported',
    entityType: 'proposal',
    provinceCode: filters.provinceCode ?? actor.provinceCode,
    after: { format: 'xlsx', rows: result.rows, filters },
    at: now,
  });
  return result;
}
