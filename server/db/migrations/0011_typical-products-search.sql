-- Diacritic-insensitive search over the typical-product registry ("che shan" finds "Chè Shan tuyết"):
-- product, establishment, tax code and certificate number, through the immutable f_unaccent wrapper of
-- migration 0001 (the expression of typical-products.repository.ts's searchText).
CREATE INDEX typical_product_certificates_search_idx ON typical_product_certificates
  USING gin (f_unaccent(lower(product_name || ' ' || establishment_name || ' ' || establishment_tax_code || ' ' || certificate_number)) gin_trgm_ops);
