-- Statistics for the name postings right away (ADR 0121). Migration 0074 fills subject.name_posting with every
-- character pair of every searchable name (about ten million rows at a million subjects); until the table is analysed
-- the planner has no idea of its size and a fragment search was measured at 2-3 s instead of milliseconds. Autovacuum
-- analyses it within a minute or so, but a deployment should not serve that minute: analyse as part of the upgrade.
-- (ANALYZE runs inside the migration's transaction; VACUUM could not, and the walk's index-only scans wait for
-- autovacuum to set the visibility map, which costs heap visits, not wrong plans.)
ANALYZE subject.name_posting;
