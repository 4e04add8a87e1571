-- Diacritic-insensitive search over proposals ("che bien" finds "chế biến"): title, code and the
-- beneficiary's name, through the immutable f_unaccent wrapper of migration 0001.
CREATE INDEX proposals_search_idx ON proposals
  USING gin (f_unaccent(lower(title || ' ' || code || ' ' || coalesce(beneficiary->>'name', ''))) gin_trgm_ops);
