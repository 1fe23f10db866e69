-- CreateEnum
CREATE TYPE "tax"."TaxPublicationStopGround" AS ENUM ('PAID_IN_FULL', 'BANKRUPTCY_REORGANISATION', 'OUTSTANDING_CONTRIBUTION', 'DECISION_REVOKED');

-- CreateEnum
CREATE TYPE "tax"."TaxResponsibleRole" AS ENUM ('ACTUAL_RESPONSIBLE', 'FINANCE_PERSON', 'GANG_MEMBER');

-- AlterTable
ALTER TABLE "tax"."major_violation" ADD COLUMN     "paid_on" DATE,
ADD COLUMN     "removal_ground" "tax"."TaxPublicationStopGround",
ADD COLUMN     "stop_applied_on" DATE;

-- CreateTable
CREATE TABLE "tax"."responsible_person" (
    "id" BIGSERIAL NOT NULL,
    "violation_id" BIGINT NOT NULL,
    "role" "tax"."TaxResponsibleRole" NOT NULL,
    "name" TEXT NOT NULL,
    "sex" VARCHAR(6),
    "id_number" CHAR(18),

    CONSTRAINT "responsible_person_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "responsible_person_violation_id_idx" ON "tax"."responsible_person"("violation_id");

-- AddForeignKey
ALTER TABLE "tax"."responsible_person" ADD CONSTRAINT "responsible_person_violation_id_fkey" FOREIGN KEY ("violation_id") REFERENCES "tax"."major_violation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

