-- AlterTable
ALTER TABLE "market"."abnormal_operation" ADD COLUMN     "repair_query_code" TEXT;

-- AlterTable
ALTER TABLE "market"."serious_illegal_listing" ADD COLUMN     "repair_query_code" TEXT;

-- AlterTable
ALTER TABLE "tax"."major_violation" ADD COLUMN     "repair_query_code" TEXT;


-- Entries removed by a repair act before this column: the repair consumers wrote the code into the removal text as
-- `信用修复（查询码 <code>）：<basis>`, which is how the snapshots told a repair until now. Read once, here.
UPDATE "market"."abnormal_operation"
   SET "repair_query_code" = substring("removal_reason" from '^信用修复（查询码 ([^）]+)）：')
 WHERE "status" = 'REMOVED' AND "removal_reason" LIKE '信用修复（查询码 %';

UPDATE "market"."serious_illegal_listing"
   SET "repair_query_code" = substring("removal_basis" from '^信用修复（查询码 ([^）]+)）：')
 WHERE "status" = 'REMOVED' AND "removal_basis" LIKE '信用修复（查询码 %';

UPDATE "tax"."major_violation"
   SET "repair_query_code" = substring("removal_reason" from '^信用修复（查询码 ([^）]+)）：')
 WHERE "status" = 'REMOVED' AND "removal_reason" LIKE '信用修复（查询码 %';
