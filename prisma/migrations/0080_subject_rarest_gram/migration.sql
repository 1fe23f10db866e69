-- Hand-written: what the Prisma schema language cannot express (docs/adr/0132-lighter-hot-paths.md).
--
-- The name search walks the postings of a fragment's rarest character pair (migration 0074, ADR 0121). It used to
-- count every pair's postings up to a cap of 10,000 to find that pair: a name prefix such as 临海市大 counted 临海 and
-- 海市 to about 10,000 each (a county's pairs) to learn that 市大 has 1,328, about 21,000 index entries for a search
-- whose walk then reads a few hundred. Here each pair is counted only up to the fewest found so far, the last pair
-- first (a name begins with its city or county, whose pairs are the common ones): 临海市大 now counts about 4,000.
-- The pair chosen may differ from the old choice on a tie, never the result: the walk rechecks the whole fragment.
CREATE FUNCTION subject.rarest_gram(grams text[], cap integer) RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE STRICT AS $$
DECLARE
  best text;
  fewest integer := cap;
  found integer;
BEGIN
  FOR i IN REVERSE coalesce(array_upper(grams, 1), 0)..1 LOOP
    SELECT count(*) INTO found
      FROM (SELECT FROM subject.name_posting WHERE gram = grams[i] LIMIT fewest) AS counted;
    IF best IS NULL OR found < fewest THEN
      best := grams[i];
      fewest := found;
    END IF;
  END LOOP;
  RETURN best;
END
$$;
