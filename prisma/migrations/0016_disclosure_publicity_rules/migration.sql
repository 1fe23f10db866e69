-- CreateEnum
CREATE TYPE "disclosure"."PenaltyTierSource" AS ENUM ('REPORTED', 'AUTHORITY_TABLE', 'PENALTY_TYPE');

-- AlterTable
ALTER TABLE "disclosure"."penalty" ADD COLUMN     "publicity_note" TEXT,
ADD COLUMN     "publicity_regime" VARCHAR(32),
ADD COLUMN     "publicity_rules" VARCHAR(16),
ADD COLUMN     "repair_applied_on" DATE,
ADD COLUMN     "repairable_from" DATE,
ADD COLUMN     "reported_tier" "disclosure"."PenaltyTier",
ADD COLUMN     "sector" VARCHAR(32),
ADD COLUMN     "tier_source" "disclosure"."PenaltyTierSource" NOT NULL DEFAULT 'PENALTY_TYPE',
ALTER COLUMN "publicity_ends_on" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "penalty_publicity_rules_idx" ON "disclosure"."penalty"("publicity_rules");

