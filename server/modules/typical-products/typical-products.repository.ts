import { and, asc, count, desc, eq, gte, inArray, type SQL, sql } from 'drizzle-orm';
import type { TCertificatesQuery } from '../../../domain/schemas/typical-products';
import { typicalProductCertificates, typicalProductReports } from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';
import { matchesAllWords } from '../../platform/search';

export type TCertificateRow = typeof typicalProductCertificates.$inferSelect;
export type TReportRow = typeof typicalProductReports.$inferSelect;

const c = typicalProductCertificates;

/**
 * The text `q` searches: exactly the expression of the typical_product_certificates_search_idx index
 * (migration 0011).
 */
const searchText = sql`${c.productName} || ' ' || ${c.establishmentName} || ' ' || ${c.establishmentTaxCode} || ' ' || ${c.certificateNumber}`;

const SORTABLE = {
  validUntil: c.validUntil,
  issueDate: c.issueDate,
  productName: c.productName,
  createdAt: c.createdAt,
} as const;

/**
 * The registry is read by every signed-in user (brief capability 17: proposals of any province
 * reference it), so lists are not province-scoped; writes are decided by `certificate-policy.ts`.
 */
export async function listCertificates(db: TDbOrTx, filters: TCertificatesQuery) {
  const conditions: SQL[] = [];
  if (filters.level) conditions.push(eq(c.level, filters.level));
  if (filters.productGroup) conditions.push(eq(c.productGroup, filters.productGroup));
  if (filters.provinceCode) conditions.push(eq(c.currentProvinceCode, filters.provinceCode));
  if (filters.taxCode) conditions.push(eq(c.establishmentTaxCode, filters.taxCode.replace(/[\s.]/g, '')));
  if (filters.validOn) conditions.push(gte(c.validUntil, filters.validOn));
  if (filters.selectionYear !== undefined) conditions.push(eq(c.selectionYear, filters.selectionYear));
  const search = filters.q ? matchesAllWords(searchText, filters.q) : undefined;
  if (search) conditions.push(search);
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const sort = filters.sort ?? '-createdAt';
  const key = sort.replace(/^-/, '') as keyof typeof SORTABLE;
  const direction = sort.startsWith('-') ? desc : asc;
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(c)
      .where(where)
      .orderBy(direction(SORTABLE[key] ?? c.createdAt), asc(c.certificateNumber), asc(c.id))
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize),
    db.select({ n: count() }).from(c).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findCertificate(
  db: TDbOrTx,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<TCertificateRow | null> {
  const query = db.select().from(c).where(eq(c.id, id)).limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function findCertificatesByIds(db: TDbOrTx, ids: readonly string[]): Promise<TCertificateRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(c)
    .where(inArray(c.id, [...ids]));
}

/** The certificate with this issuing body and number (they identify a certificate), other than `exceptId`. */
export async function findByNumber(
  db: TDbOrTx,
  issuingBody: string,
  certificateNumber: string,
): Promise<TCertificateRow | null> {
  const [row] = await db
    .select()
    .from(c)
    .where(and(eq(c.issuingBody, issuingBody), eq(c.certificateNumber, certificateNumber)))
    .limit(1);
  return row ?? null;
}

export async function reportsOf(db: TDbOrTx, certificateId: string): Promise<TReportRow[]> {
  return db
    .select()
    .from(typicalProductReports)
    .where(eq(typicalProductReports.certificateId, certificateId))
    .orderBy(desc(typicalProductReports.year));
}

export async function findReport(
  db: TDbOrTx,
  certificateId: string,
  year: number,
): Promise<TReportRow | null> {
  const [row] = await db
    .select()
    .from(typicalProductReports)
    .where(and(eq(typicalProductReports.certificateId, certificateId), eq(typicalProductReports.year, year)))
    .limit(1);
  return row ?? null;
}
