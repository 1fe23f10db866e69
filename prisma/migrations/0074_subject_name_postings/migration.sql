-- Hand-written: what the Prisma schema language cannot express (docs/adr/0121-name-search-common-words.md).
--
-- Name search postings (倒排表). The GIN index on name_grams (migration 0002) finds the names that hold a fragment,
-- but not in code order: a common word (科技, 有限公司) matches tens or hundreds of thousands of names, and the first
-- page sorted by code needs every one of them. Here every character pair of a searchable name is one row
-- (gram, subject_code), and the B-tree on (gram, subject_code) lists one pair's subjects in code order: the search
-- walks its rarest pair's postings from the cursor on, rechecks each name with LIKE and stops after the page,
-- whatever the fragment's frequency. One-character fragments stay on the GIN index.
--
-- Natural persons have no postings: they are never found by name (个人信息保护法: expose the least).

-- The distinct character pairs of a name, lower-cased as subject.name_grams() does (rules.ts nameGrams mirrors it).
CREATE FUNCTION subject.name_bigrams(name text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT coalesce(array_agg(DISTINCT substr(lower(name), i, 2)), '{}')
  FROM generate_series(1, char_length(name) - 1) AS i
$$;

-- No primary key: a unique index is what the demo loader drops and rebuilds around a bulk load (like the table's
-- other secondary indexes). No foreign key either: the triggers below delete a subject's postings with it.
CREATE TABLE subject.name_posting (
  gram text COLLATE "C" NOT NULL,
  subject_code varchar(22) COLLATE "C" NOT NULL
);

INSERT INTO subject.name_posting (gram, subject_code)
SELECT g, s.code
FROM subject.credit_subject s, unnest(subject.name_bigrams(s.name)) AS g
WHERE s.kind <> 'NATURAL_PERSON'
ORDER BY 1, 2;

CREATE UNIQUE INDEX name_posting_gram_code_idx ON subject.name_posting (gram, subject_code);

-- The walk is an index-only scan while the visibility map is current; vacuum after 2 % of changes, not the default
-- 20 % (two million postings at a million subjects), so the planner keeps pricing it as one.
ALTER TABLE subject.name_posting SET (
  autovacuum_vacuum_scale_factor = 0.02,
  autovacuum_vacuum_insert_scale_factor = 0.02,
  autovacuum_analyze_scale_factor = 0.02
);

-- Maintenance, once per statement with its transition tables, so a COPY of a million subjects inserts its postings
-- in one sorted INSERT instead of eleven million single-row ones. Rows whose (code, name, kind) did not change
-- (a status update) cost nothing; a rename deletes the pairs the old name had and the new one lacks, and inserts
-- the reverse.
CREATE FUNCTION subject.name_posting_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO subject.name_posting (gram, subject_code)
  SELECT g, n.code
  FROM new_rows n, unnest(subject.name_bigrams(n.name)) AS g
  WHERE n.kind <> 'NATURAL_PERSON'
  ORDER BY 1, 2
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

CREATE FUNCTION subject.name_posting_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM subject.name_posting p
  USING old_rows o, unnest(subject.name_bigrams(o.name)) AS g
  WHERE p.gram = g AND p.subject_code = o.code;
  RETURN NULL;
END
$$;

CREATE FUNCTION subject.name_posting_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  WITH changed_old AS (
    SELECT code, name, kind FROM old_rows
    EXCEPT SELECT code, name, kind FROM new_rows
  ), changed_new AS (
    SELECT code, name, kind FROM new_rows
    EXCEPT SELECT code, name, kind FROM old_rows
  ), old_pairs AS (
    SELECT g AS gram, o.code FROM changed_old o, unnest(subject.name_bigrams(o.name)) AS g
    WHERE o.kind <> 'NATURAL_PERSON'
  ), new_pairs AS (
    SELECT g AS gram, n.code FROM changed_new n, unnest(subject.name_bigrams(n.name)) AS g
    WHERE n.kind <> 'NATURAL_PERSON'
  ), gone AS (
    SELECT gram, code FROM old_pairs EXCEPT SELECT gram, code FROM new_pairs
  )
  DELETE FROM subject.name_posting p USING gone
  WHERE p.gram = gone.gram AND p.subject_code = gone.code;

  WITH changed_old AS (
    SELECT code, name, kind FROM old_rows
    EXCEPT SELECT code, name, kind FROM new_rows
  ), changed_new AS (
    SELECT code, name, kind FROM new_rows
    EXCEPT SELECT code, name, kind FROM old_rows
  ), old_pairs AS (
    SELECT g AS gram, o.code FROM changed_old o, unnest(subject.name_bigrams(o.name)) AS g
    WHERE o.kind <> 'NATURAL_PERSON'
  ), new_pairs AS (
    SELECT g AS gram, n.code FROM changed_new n, unnest(subject.name_bigrams(n.name)) AS g
    WHERE n.kind <> 'NATURAL_PERSON'
  )
  INSERT INTO subject.name_posting (gram, subject_code)
  SELECT gram, code FROM (SELECT gram, code FROM new_pairs EXCEPT SELECT gram, code FROM old_pairs) AS added
  ORDER BY 1, 2
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER name_posting_insert AFTER INSERT ON subject.credit_subject
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION subject.name_posting_insert();
CREATE TRIGGER name_posting_update AFTER UPDATE ON subject.credit_subject
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION subject.name_posting_update();
CREATE TRIGGER name_posting_delete AFTER DELETE ON subject.credit_subject
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION subject.name_posting_delete();

-- A TRUNCATE fires no delete trigger: it empties the postings with it.
CREATE FUNCTION subject.name_posting_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE subject.name_posting;
  RETURN NULL;
END
$$;

CREATE TRIGGER name_posting_truncate AFTER TRUNCATE ON subject.credit_subject
  FOR EACH STATEMENT EXECUTE FUNCTION subject.name_posting_truncate();
