import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { TActor } from '../../access/actor';
import { organizations, proposalDocuments, proposals } from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';
import { matchesAllWords } from '../../platform/search';
import { proposalScope } from '../proposals';

/**
 * Diacritic-insensitive search (issue #8): every word of the query must occur (matchesAllWords, served
 * by the gin trigram indexes of migrations 0001, 0004 and 0009); hits are ranked by a bonus when the
 * query occurs as a phrase, then by trigram word similarity, then by whole-text similarity (an exact
 * title first).
 */
const folded = (text: SQL | string) => sql`f_unaccent(lower(${text}))`;
const rank = (text: SQL, q: string) =>
  sql<number>`(word_similarity(${folded(q)}, ${folded(text)}) + similarity(${folded(q)}, ${folded(text)})
    + case when ${folded(text)} like '%' || ${folded(q.replace(/[\\%_]/g, (c) => `\\${c}`))} || '%' then 1 else 0 end)::float8`;

/** The proposals index expression of migration 0004. */
const proposalText = sql`${proposals.title} || ' ' || ${proposals.code} || ' ' || coalesce(${proposals.beneficiary}->>'name', '')`;
/** The beneficiary index expression of migration 0009. */
const beneficiaryName = sql`coalesce(${proposals.beneficiary}->>'name', '')`;

export async function searchProposals(db: TDbOrTx, actor: TActor, q: string, limit: number) {
  const match = matchesAllWords(proposalText, q);
  if (!match) return { total: 0, rows: [] };
  const rows = await db
    .select({
      id: proposals.id,
      code: proposals.code,
      title: proposals.title,
      status: proposals.status,
      planYear: proposals.planYear,
      beneficiaryName: sql<string>`${beneficiaryName}`,
      score: rank(sql`${proposals.title}`, q),
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(proposals)
    .where(and(proposalScope(actor), match))
    .orderBy(sql`7 desc`, proposals.code)
    .limit(limit);
  return { total: rows[0]?.total ?? 0, rows };
}

/** Beneficiaries named in the proposals the actor may see, one hit per beneficiary (tax code or name). */
export async function searchBeneficiaries(db: TDbOrTx, actor: TActor, q: string, limit: number) {
  const match = matchesAllWords(beneficiaryName, q);
  if (!match) return { total: 0, rows: [] };
  const key = sql`coalesce(nullif(${proposals.beneficiary}->>'taxCode', ''), ${folded(beneficiaryName)})`;
  const rows = await db
    .select({
      key: sql<string>`${key}`,
      name: sql<string>`min(${beneficiaryName})`,
      taxCode: sql<string | null>`min(${proposals.beneficiary}->>'taxCode')`,
      proposals: sql<number>`count(*)::int`,
      latestProposalId: sql<string>`(array_agg(${proposals.id} order by ${proposals.createdAt} desc))[1]`,
      score: sql<number>`max(${rank(beneficiaryName, q)})`,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(proposals)
    .where(and(proposalScope(actor), match))
    .groupBy(key)
    .orderBy(sql`6 desc`, sql`2`)
    .limit(limit);
  return { total: rows[0]?.total ?? 0, rows };
}

/** Organisations are reference data every user may read. */
export async function searchOrganizations(db: TDbOrTx, q: string, limit: number) {
  const name = sql`${organizations.name}`;
  const match = matchesAllWords(name, q);
  if (!match) return { total: 0, rows: [] };
  const rows = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      kind: organizations.kind,
      provinceCode: organizations.provinceCode,
      score: rank(name, q),
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(organizations)
    .where(and(eq(organizations.active, true), match))
    .orderBy(sql`5 desc`, organizations.name)
    .limit(limit);
  return { total: rows[0]?.total ?? 0, rows };
}

/** Current document versions of the proposals the actor may see, by file name. */
export async function searchDocuments(db: TDbOrTx, actor: TActor, q: string, limit: number) {
  const name = sql`${proposalDocuments.fileName}`;
  const match = matchesAllWords(name, q);
  if (!match) return { total: 0, rows: [] };
  const rows = await db
    .select({
      id: proposalDocuments.id,
      fileName: proposalDocuments.fileName,
      kind: proposalDocuments.kind,
      proposalId: proposals.id,
      proposalCode: proposals.code,
      score: rank(name, q),
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(proposalDocuments)
    .innerJoin(proposals, eq(proposals.id, proposalDocuments.proposalId))
    .where(and(proposalScope(actor), isNull(proposalDocuments.supersededAt), match))
    .orderBy(sql`6 desc`, proposalDocuments.fileName)
    .limit(limit);
  return { total: rows[0]?.total ?? 0, rows };
}
