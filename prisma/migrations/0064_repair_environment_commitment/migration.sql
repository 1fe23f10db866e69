-- AlterTable
ALTER TABLE "commitment"."credit_commitment" ADD COLUMN     "repair_basis" TEXT,
ADD COLUMN     "repaired_on" DATE;

-- AlterTable
ALTER TABLE "environment"."credit_rating" ADD COLUMN     "grade_before_repair" "environment"."EnvironmentalGrade",
ADD COLUMN     "repair_basis" TEXT,
ADD COLUMN     "repaired_on" DATE;

