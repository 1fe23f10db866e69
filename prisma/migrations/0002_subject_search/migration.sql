-- Hand-written: what the Prisma schema language cannot express.
--
-- Name search. Chinese names have no word boundaries and users type two-character fragments
-- ("华为", "科技"); pg_trgm extracts no trigram from a two-character fragment inside %...%, so its
-- index cannot serve them. Instead every name is cut into its distinct characters and character
-- pairs (unigrams + bigrams, lower-cased so Latin letters match either case), stored in a generated
-- column with a GIN index. A fragment is found by containment of its pairs (or its single
-- character), then rechecked with LIKE for order and adjacency.
CREATE FUNCTION subject.name_grams(name text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}')
  FROM (
    SELECT substr(lower(name), i, 1) AS g FROM generate_series(1, char_length(name)) AS i
    UNION ALL
    SELECT substr(lower(name), i, 2) FROM generate_series(1, char_length(name) - 1) AS i
  ) AS grams
$$;

ALTER TABLE subject.credit_subject
  ADD COLUMN name_grams text[] GENERATED ALWAYS AS (subject.name_grams(name)) STORED;

CREATE INDEX credit_subject_name_grams_idx ON subject.credit_subject USING gin (name_grams);

-- Code-prefix search (LIKE 'prefix%') under a non-C collation needs the pattern operator class.
CREATE INDEX credit_subject_code_prefix_idx ON subject.credit_subject (code text_pattern_ops);

-- Region filters are prefix matches on the six-digit division code (province 33, city 3301, ...).
CREATE INDEX credit_subject_region_prefix_idx ON subject.credit_subject (region_code bpchar_pattern_ops, code);
CREATE INDEX credit_rating_region_prefix_idx ON tax.credit_rating (year, level, region_code bpchar_pattern_ops);
CREATE INDEX major_violation_region_prefix_idx ON tax.major_violation (region_code bpchar_pattern_ops);
