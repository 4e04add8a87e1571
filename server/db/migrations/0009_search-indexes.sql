-- Diacritic-insensitive search (issue #8) over beneficiaries and document names, through the immutable
-- f_unaccent wrapper of migration 0001 (đ folded to d). Proposals (0004) and organisations (0001) have theirs.
CREATE INDEX proposals_beneficiary_search_idx ON proposals
  USING gin (f_unaccent(lower(coalesce(beneficiary->>'name', ''))) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX proposal_documents_name_search_idx ON proposal_documents
  USING gin (f_unaccent(lower(file_name)) gin_trgm_ops);
