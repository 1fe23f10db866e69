-- CreateEnum
CREATE TYPE "market"."AbnormalEntryKind" AS ENUM ('LISTING', 'MARK');

-- CreateEnum
CREATE TYPE "market"."SeriousListingGround" AS ENUM ('HEAVY_PENALTY', 'ABNORMAL_TRANSFER');

-- CreateEnum
CREATE TYPE "market"."HeavyPenaltyKind" AS ENUM ('HEAVY_FINE', 'QUALIFICATION_DOWNGRADED', 'LICENCE_REVOKED', 'BUSINESS_RESTRICTED', 'OTHER_HEAVY_PENALTY');

-- CreateEnum
CREATE TYPE "market"."SeriousRemovalGround" AS ENUM ('EARLY_REMOVAL', 'REVOKED');

-- AlterEnum
ALTER TYPE "market"."MarketListingStatus" ADD VALUE 'REVOKED';

-- AlterTable
ALTER TABLE "market"."abnormal_operation" ADD COLUMN     "applied_on" DATE,
ADD COLUMN     "kind" "market"."AbnormalEntryKind" NOT NULL DEFAULT 'LISTING',
ADD COLUMN     "objection_filed_on" DATE,
ADD COLUMN     "refusal_reason" TEXT,
ADD COLUMN     "refused_on" DATE;

-- AlterTable
ALTER TABLE "market"."serious_illegal_listing" ADD COLUMN     "abnormal_operation_id" BIGINT,
ADD COLUMN     "expires_on" DATE,
ADD COLUMN     "ground" "market"."SeriousListingGround" NOT NULL DEFAULT 'HEAVY_PENALTY',
ADD COLUMN     "harm_removed" BOOLEAN,
ADD COLUMN     "measures_end_on" DATE,
ADD COLUMN     "no_new_heavy_penalty" BOOLEAN,
ADD COLUMN     "penalty_decision" TEXT,
ADD COLUMN     "penalty_kind" "market"."HeavyPenaltyKind",
ADD COLUMN     "penalty_performed" BOOLEAN,
ADD COLUMN     "removal_ground" "market"."SeriousRemovalGround",
ADD COLUMN     "repair_applied_on" DATE;

-- CreateIndex
CREATE INDEX "serious_illegal_listing_abnormal_operation_id_idx" ON "market"."serious_illegal_listing"("abnormal_operation_id");

-- AddForeignKey
ALTER TABLE "market"."serious_illegal_listing" ADD CONSTRAINT "serious_illegal_listing_abnormal_operation_id_fkey" FOREIGN KEY ("abnormal_operation_id") REFERENCES "market"."abnormal_operation"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written: entries written before this migration get the terms they always had in law. 总局令第44号
-- lists for three years (PostgreSQL's date + interval ends 29 February on 28 February, as 民法典 第二百零二条
-- does); a 个体工商户 (USCC 92…) was never listed but marked 经营异常状态; the removal clock of an entry cured
-- before this migration ran from the cure, the best known stand-in for its application date.
UPDATE "market"."serious_illegal_listing" SET "expires_on" = ("listed_on" + INTERVAL '3 years')::date;
ALTER TABLE "market"."serious_illegal_listing" ALTER COLUMN "expires_on" SET NOT NULL;
UPDATE "market"."abnormal_operation" SET "kind" = 'MARK' WHERE "subject_code" LIKE '92%';
UPDATE "market"."abnormal_operation" SET "applied_on" = "cured_on" WHERE "cured_on" IS NOT NULL;
