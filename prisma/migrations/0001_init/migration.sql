-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "subject";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "tax";

-- CreateEnum
CREATE TYPE "subject"."SubjectKind" AS ENUM ('NATURAL_PERSON', 'ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'FARMERS_COOPERATIVE', 'GOVERNMENT_BODY', 'PUBLIC_INSTITUTION', 'SOCIAL_ORGANISATION', 'OTHER');

-- CreateEnum
CREATE TYPE "subject"."RegistrationStatus" AS ENUM ('ACTIVE', 'REVOKED', 'CANCELLED', 'MOVED_OUT');

-- CreateEnum
CREATE TYPE "tax"."TaxCreditLevel" AS ENUM ('A', 'B', 'M', 'C', 'D');

-- CreateEnum
CREATE TYPE "tax"."TaxViolationSituation" AS ENUM ('TAX_EVASION', 'EVADING_ARREARS_RECOVERY', 'EXPORT_REBATE_FRAUD', 'VIOLENT_REFUSAL', 'FALSE_SPECIAL_INVOICES', 'FALSE_ORDINARY_INVOICES', 'ILLEGAL_INVOICE_PRINTING', 'ABSCONDED', 'FACILITATING_EVASION', 'TAX_AGENT_VIOLATION', 'OTHER_SERIOUS');

-- CreateEnum
CREATE TYPE "tax"."ListingStatus" AS ENUM ('PUBLISHED', 'REMOVED');

-- CreateTable
CREATE TABLE "subject"."credit_subject" (
    "code" VARCHAR(22) NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "subject"."SubjectKind" NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "industry_code" VARCHAR(4),
    "legal_representative" TEXT,
    "registration_status" "subject"."RegistrationStatus" NOT NULL DEFAULT 'ACTIVE',
    "established_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credit_subject_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "subject"."person_identity" (
    "code" VARCHAR(22) NOT NULL,
    "id_number" CHAR(18) NOT NULL,

    CONSTRAINT "person_identity_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "subject"."region" (
    "code" CHAR(6) NOT NULL,
    "name" TEXT NOT NULL,
    "level" SMALLINT NOT NULL,
    "parent_code" CHAR(6),

    CONSTRAINT "region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "subject"."industry" (
    "code" VARCHAR(4) NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "industry_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "tax"."credit_rating" (
    "id" BIGSERIAL NOT NULL,
    "subject_code" VARCHAR(22) NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "year" SMALLINT NOT NULL,
    "level" "tax"."TaxCreditLevel" NOT NULL,
    "score" DECIMAL(5,2),
    "evaluated_on" DATE NOT NULL,
    "authority" TEXT NOT NULL,

    CONSTRAINT "credit_rating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tax"."major_violation" (
    "id" BIGSERIAL NOT NULL,
    "subject_code" VARCHAR(22) NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "taxpayer_name" TEXT NOT NULL,
    "registered_address" TEXT,
    "responsible_person_name" TEXT,
    "responsible_person_sex" VARCHAR(6),
    "responsible_person_id_number" CHAR(18),
    "situation" "tax"."TaxViolationSituation" NOT NULL,
    "main_facts" TEXT NOT NULL,
    "legal_basis" TEXT NOT NULL,
    "penalty" TEXT NOT NULL,
    "amount_involved" DECIMAL(16,2),
    "inspecting_authority" TEXT NOT NULL,
    "authority_code" CHAR(18) NOT NULL,
    "decision_served_on" DATE NOT NULL,
    "published_on" DATE NOT NULL,
    "publicity_ends_on" DATE NOT NULL,
    "status" "tax"."ListingStatus" NOT NULL DEFAULT 'PUBLISHED',
    "removed_on" DATE,
    "removal_reason" TEXT,

    CONSTRAINT "major_violation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "credit_subject_kind_region_code_idx" ON "subject"."credit_subject"("kind", "region_code");

-- CreateIndex
CREATE INDEX "credit_subject_region_code_idx" ON "subject"."credit_subject"("region_code");

-- CreateIndex
CREATE UNIQUE INDEX "person_identity_id_number_key" ON "subject"."person_identity"("id_number");

-- CreateIndex
CREATE INDEX "credit_rating_year_level_region_code_idx" ON "tax"."credit_rating"("year", "level", "region_code");

-- CreateIndex
CREATE UNIQUE INDEX "credit_rating_subject_code_year_key" ON "tax"."credit_rating"("subject_code", "year");

-- CreateIndex
CREATE INDEX "major_violation_subject_code_idx" ON "tax"."major_violation"("subject_code");

-- CreateIndex
CREATE INDEX "major_violation_published_on_region_code_idx" ON "tax"."major_violation"("published_on", "region_code");

-- AddForeignKey
ALTER TABLE "subject"."person_identity" ADD CONSTRAINT "person_identity_code_fkey" FOREIGN KEY ("code") REFERENCES "subject"."credit_subject"("code") ON DELETE CASCADE ON UPDATE CASCADE;

