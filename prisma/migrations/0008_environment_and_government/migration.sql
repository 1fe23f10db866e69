-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "environment";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "government";

-- CreateEnum
CREATE TYPE "environment"."EnvironmentalGrade" AS ENUM ('GREEN', 'BLUE', 'YELLOW', 'RED', 'BLACK');

-- CreateEnum
CREATE TYPE "environment"."PermitStatus" AS ENUM ('VALID', 'EXPIRED', 'REVOKED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "government"."ArrearsStatus" AS ENUM ('OUTSTANDING', 'PARTLY_PAID', 'CLEARED');

-- CreateEnum
CREATE TYPE "government"."CommitmentStatus" AS ENUM ('PENDING', 'FULFILLED', 'BROKEN');

-- CreateEnum
CREATE TYPE "government"."ComplaintOutcome" AS ENUM ('PENDING', 'UPHELD', 'REJECTED', 'RESOLVED');

-- CreateTable
CREATE TABLE "environment"."credit_rating" (
    "id" BIGSERIAL NOT NULL,
    "subject_code" VARCHAR(22) NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "industry_code" VARCHAR(4),
    "year" SMALLINT NOT NULL,
    "grade" "environment"."EnvironmentalGrade" NOT NULL,
    "pollution_prevention" DECIMAL(5,2) NOT NULL,
    "ecological_protection" DECIMAL(5,2) NOT NULL,
    "environmental_management" DECIMAL(5,2) NOT NULL,
    "social_supervision" DECIMAL(5,2) NOT NULL,
    "authority" TEXT NOT NULL,
    "evaluated_on" DATE NOT NULL,

    CONSTRAINT "credit_rating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "environment"."penalty" (
    "id" BIGSERIAL NOT NULL,
    "subject_code" VARCHAR(22) NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "decision_number" TEXT NOT NULL,
    "violation_type" TEXT NOT NULL,
    "facts" TEXT NOT NULL,
    "legal_basis" TEXT NOT NULL,
    "fine" DECIMAL(16,2) NOT NULL,
    "decided_on" DATE NOT NULL,
    "authority" TEXT NOT NULL,

    CONSTRAINT "penalty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "environment"."discharge_permit" (
    "id" BIGSERIAL NOT NULL,
    "subject_code" VARCHAR(22) NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "permit_number" TEXT NOT NULL,
    "industry" TEXT NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_until" DATE NOT NULL,
    "status" "environment"."PermitStatus" NOT NULL DEFAULT 'VALID',
    "authority" TEXT NOT NULL,

    CONSTRAINT "discharge_permit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "government"."arrears" (
    "id" BIGSERIAL NOT NULL,
    "debtor_code" VARCHAR(22) NOT NULL,
    "creditor_code" VARCHAR(22) NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "description" TEXT NOT NULL,
    "amount" DECIMAL(16,2) NOT NULL,
    "paid_amount" DECIMAL(16,2) NOT NULL DEFAULT 0,
    "due_on" DATE NOT NULL,
    "recorded_on" DATE NOT NULL,
    "status" "government"."ArrearsStatus" NOT NULL DEFAULT 'OUTSTANDING',
    "cleared_on" DATE,

    CONSTRAINT "arrears_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "government"."arrears_payment" (
    "id" BIGSERIAL NOT NULL,
    "arrears_id" BIGINT NOT NULL,
    "amount" DECIMAL(16,2) NOT NULL,
    "paid_on" DATE NOT NULL,

    CONSTRAINT "arrears_payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "government"."commitment" (
    "id" BIGSERIAL NOT NULL,
    "body_code" VARCHAR(22) NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "content" TEXT NOT NULL,
    "made_on" DATE NOT NULL,
    "due_on" DATE NOT NULL,
    "status" "government"."CommitmentStatus" NOT NULL DEFAULT 'PENDING',
    "fulfilled_on" DATE,
    "evidence" TEXT,

    CONSTRAINT "commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "government"."complaint" (
    "id" BIGSERIAL NOT NULL,
    "body_code" VARCHAR(22) NOT NULL,
    "complainant_code" VARCHAR(22),
    "region_code" CHAR(6) NOT NULL,
    "content" TEXT NOT NULL,
    "received_on" DATE NOT NULL,
    "outcome" "government"."ComplaintOutcome" NOT NULL DEFAULT 'PENDING',
    "handled_on" DATE,
    "handling_note" TEXT,

    CONSTRAINT "complaint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "credit_rating_year_grade_region_code_idx" ON "environment"."credit_rating"("year", "grade", "region_code");

-- CreateIndex
CREATE UNIQUE INDEX "credit_rating_subject_code_year_key" ON "environment"."credit_rating"("subject_code", "year");

-- CreateIndex
CREATE UNIQUE INDEX "penalty_decision_number_key" ON "environment"."penalty"("decision_number");

-- CreateIndex
CREATE INDEX "penalty_subject_code_idx" ON "environment"."penalty"("subject_code");

-- CreateIndex
CREATE INDEX "penalty_decided_on_region_code_idx" ON "environment"."penalty"("decided_on", "region_code");

-- CreateIndex
CREATE UNIQUE INDEX "discharge_permit_permit_number_key" ON "environment"."discharge_permit"("permit_number");

-- CreateIndex
CREATE INDEX "discharge_permit_subject_code_idx" ON "environment"."discharge_permit"("subject_code");

-- CreateIndex
CREATE INDEX "arrears_debtor_code_idx" ON "government"."arrears"("debtor_code");

-- CreateIndex
CREATE INDEX "arrears_creditor_code_idx" ON "government"."arrears"("creditor_code");

-- CreateIndex
CREATE INDEX "arrears_region_code_status_idx" ON "government"."arrears"("region_code", "status");

-- CreateIndex
CREATE INDEX "arrears_payment_arrears_id_idx" ON "government"."arrears_payment"("arrears_id");

-- CreateIndex
CREATE INDEX "commitment_body_code_idx" ON "government"."commitment"("body_code");

-- CreateIndex
CREATE INDEX "complaint_body_code_idx" ON "government"."complaint"("body_code");

-- AddForeignKey
ALTER TABLE "government"."arrears_payment" ADD CONSTRAINT "arrears_payment_arrears_id_fkey" FOREIGN KEY ("arrears_id") REFERENCES "government"."arrears"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

