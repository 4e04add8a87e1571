import { highlightRanges } from '../../../domain/lib/highlight';
import type { TSearchHit, TSearchQuery, TSearchResponse } from '../../../domain/schemas/search';
import type { TActor } from '../../access/actor';
import type { TDbOrTx } from '../../platform/db';
import {
  searchBeneficiaries,
  searchDocuments,
  searchOrganizations,
  searchProposals,
} from './search.repository';

/**
 * `GET /api/v1/search`: proposals, beneficiaries, organisations and document names matching every word
 * of `q` whatever the marks ("che bien nong san" finds "Chế biến nông sản", "dak lak" finds "Đắk Lắk"),
 * within the caller's scope, ranked, each hit with the ranges to highlight.
 */
export async function search(input: {
  actor: TActor;
  db: TDbOrTx;
  query: TSearchQuery;
}): Promise<TSearchResponse> {
  const { actor, db, query } = input;
  const { q, kinds, limit } = query;
  const hits: TSearchHit[] = [];
  let total = 0;
  const hit = (h: Omit<TSearchHit, 'highlights' | 'detailHighlights'>): TSearchHit => ({
    ...h,
    highlights: highlightRanges(h.text, q),
    detailHighlights: h.detail ? highlightRanges(h.detail, q) : [],
  });
  const [p, b, o, d] = await Promise.all([
    kinds.includes('proposal') ? searchProposals(db, actor, q, limit) : null,
    kinds.includes('beneficiary') ? searchBeneficiaries(db, actor, q, limit) : null,
    kinds.includes('organization') ? searchOrganizations(db, q, limit) : null,
    kinds.includes('document') ? searchDocuments(db, actor, q, limit) : null,
  ]);
  if (p) {
    total += p.total;
    for (const r of p.rows) {
      // The title is what is shown; a hit by code or beneficiary shows those in the detail line.
      hits.push(
        hit({
          kind: 'proposal',
          id: r.id,
          proposalId: r.id,
          text: r.title,
          detail: `${r.code} · ${r.beneficiaryName}`,
          score: r.score,
        }),
      );
    }
  }
  if (b) {
    total += b.total;
    for (const r of b.rows) {
      hits.push(
        hit({
          kind: 'beneficiary',
          id: r.key,
          proposalId: r.latestProposalId,
          text: r.name,
          detail: [r.taxCode ? `MST ${r.taxCode}` : null, `${r.proposals} đề án`].filter(Boolean).join(' · '),
          score: r.score,
        }),
      );
    }
  }
  if (o) {
    total += o.total;
    for (const r of o.rows) {
      hits.push(
        hit({
          kind: 'organization',
          id: r.id,
          proposalId: null,
          text: r.name,
          detail: r.provinceCode,
          score: r.score,
        }),
      );
    }
  }
  if (d) {
    total += d.total;
    for (const r of d.rows) {
      hits.push(
        hit({
          kind: 'document',
          id: r.id,
          proposalId: r.proposalId,
          text: r.fileName,
          detail: r.proposalCode,
          score: r.score,
        }),
      );
    }
  }
  hits.sort((x, y) => y.score - x.score);
  return { q, total, items: hits };
}
