-- AlterTable
ALTER TABLE "evaluation"."inspection_draw" ADD COLUMN     "department" VARCHAR(32);

-- AlterTable
ALTER TABLE "repair"."transition" ADD COLUMN     "due_on" DATE;


-- Backfill (ADR 0131). A draw's department is the one its `inspection.sample.drawn` event carries: taken from the
-- evaluation outbox, or from the platform bus for rows the outbox no longer holds. A draw whose event is in neither
-- keeps NULL (the snapshot then restates it as `platform`, documented in docs/metrics.md "Backfill").
UPDATE "evaluation"."inspection_draw" d SET "department" = o.department
  FROM "evaluation"."outbox" o
 WHERE d."department" IS NULL AND o.type = 'inspection.sample.drawn' AND o.payload->>'sampleId' = d.id::text;
UPDATE "evaluation"."inspection_draw" d SET "department" = e.department
  FROM "events"."event" e
 WHERE d."department" IS NULL AND e.type = 'inspection.sample.drawn' AND e.source = 'evaluation'
   AND e.payload->>'sampleId' = d.id::text;

-- A closing decision's due date cannot be backfilled: the case's due_on was overwritten by the decision and an
-- extension's working days were not kept, and the stage limits are configuration, not data. Closing transitions made
-- before this migration keep NULL; the snapshot restates them as on time (documented in docs/metrics.md "Backfill").
