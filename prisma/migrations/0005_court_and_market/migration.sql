-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "court";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "market";

-- CreateEnum
CREATE TYPE "court"."DishonestBehaviour" AS ENUM ('OBSTRUCTING_EXECUTION', 'EVADING_EXECUTION', 'VIOLATING_PROPERTY_REPORTING', 'VIOLATING_CONSUMPTION_RESTRICTION', 'REFUSING_SETTLEMENT', 'REFUSING_DESPITE_ABILITY');

-- CreateEnum
CREATE TYPE "court"."PerformanceStatus" AS ENUM ('NONE_PERFORMED', 'PARTLY_PERFORMED');

-- CreateEnum
CREATE TYPE "court"."CaseStatus" AS ENUM ('ACTIVE', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "court"."WithdrawalReason" AS ENUM ('PERFORMED', 'PERIOD_ENDED', 'LISTED_IN_ERROR', 'OTHER');

-- CreateEnum
CREATE TYPE "court"."DebtorKind" AS ENUM ('ORGANISATION', 'NATURAL_PERSON');

-- CreateEnum
CREATE TYPE "market"."MarketRegistrationStatus" AS ENUM ('EXISTING', 'REVOKED', 'CANCELLED', 'MOVED_OUT');

-- CreateEnum
CREATE TYPE "market"."AbnormalReason" AS ENUM ('ANNUAL_REPORT_NOT_FILED', 'INFORMATION_NOT_PUBLISHED', 'FALSE_INFORMATION', 'UNREACHABLE_AT_ADDRESS');

-- CreateEnum
CREATE TYPE "market"."MarketListingStatus" AS ENUM ('LISTED', 'REMOVED');

-- CreateTable
CREATE TABLE "court"."dishonest_debtor_case" (
    "id" BIGSERIAL NOT NULL,
    "case_number" TEXT NOT NULL,
    "subject_code" VARCHAR(22) NOT NULL,
    "debtor_kind" "court"."DebtorKind" NOT NULL,
    "debtor_name" TEXT NOT NULL,
    "legal_representative" TEXT,
    "sex" VARCHAR(2),
    "age" SMALLINT,
    "id_number" CHAR(18),
    "region_code" CHAR(6) NOT NULL,
    "court_name" TEXT NOT NULL,
    "filed_on" DATE NOT NULL,
    "basis_document_number" TEXT NOT NULL,
    "basis_issuer" TEXT NOT NULL,
    "obligation" TEXT NOT NULL,
    "performance" "court"."PerformanceStatus" NOT NULL,
    "performed_part" TEXT,
    "unperformed_part" TEXT,
    "behaviour" "court"."DishonestBehaviour" NOT NULL,
    "published_on" DATE NOT NULL,
    "status" "court"."CaseStatus" NOT NULL DEFAULT 'ACTIVE',
    "withdrawn_on" DATE,
    "withdrawal_reason" "court"."WithdrawalReason",
    "withdrawal_note" TEXT,

    CONSTRAINT "dishonest_debtor_case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "court"."consumption_restriction" (
    "id" BIGSERIAL NOT NULL,
    "subject_code" VARCHAR(22) NOT NULL,
    "case_number" TEXT NOT NULL,
    "court_name" TEXT NOT NULL,
    "restricted_person" TEXT,
    "region_code" CHAR(6) NOT NULL,
    "issued_on" DATE NOT NULL,
    "status" "court"."CaseStatus" NOT NULL DEFAULT 'ACTIVE',
    "lifted_on" DATE,
    "lift_reason" TEXT,

    CONSTRAINT "consumption_restriction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "market"."registration" (
    "subject_code" VARCHAR(22) NOT NULL,
    "name" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "legal_representative" TEXT,
    "established_on" DATE NOT NULL,
    "registered_capital" DECIMAL(16,4),
    "currency" VARCHAR(16) NOT NULL DEFAULT '人民币',
    "business_scope" TEXT NOT NULL,
    "address" TEXT,
    "registration_authority" TEXT NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "status" "market"."MarketRegistrationStatus" NOT NULL DEFAULT 'EXISTING',
    "approved_on" DATE,

    CONSTRAINT "registration_pkey" PRIMARY KEY ("subject_code")
);

-- CreateTable
CREATE TABLE "market"."annual_report" (
    "id" BIGSERIAL NOT NULL,
    "subject_code" VARCHAR(22) NOT NULL,
    "year" SMALLINT NOT NULL,
    "filed_on" DATE,

    CONSTRAINT "annual_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "market"."abnormal_operation" (
    "id" BIGSERIAL NOT NULL,
    "subject_code" VARCHAR(22) NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "reason" "market"."AbnormalReason" NOT NULL,
    "listing_authority" TEXT NOT NULL,
    "listing_document" TEXT,
    "listed_on" DATE NOT NULL,
    "cured_on" DATE,
    "removal_deadline" DATE,
    "removed_on" DATE,
    "removal_reason" TEXT,
    "removal_authority" TEXT,
    "status" "market"."MarketListingStatus" NOT NULL DEFAULT 'LISTED',

    CONSTRAINT "abnormal_operation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "market"."serious_illegal_listing" (
    "id" BIGSERIAL NOT NULL,
    "subject_code" VARCHAR(22) NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "basis" TEXT NOT NULL,
    "facts" TEXT NOT NULL,
    "decision_document" TEXT NOT NULL,
    "listing_authority" TEXT NOT NULL,
    "listed_on" DATE NOT NULL,
    "removed_on" DATE,
    "removal_basis" TEXT,
    "status" "market"."MarketListingStatus" NOT NULL DEFAULT 'LISTED',

    CONSTRAINT "serious_illegal_listing_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "dishonest_debtor_case_case_number_key" ON "court"."dishonest_debtor_case"("case_number");

-- CreateIndex
CREATE INDEX "dishonest_debtor_case_subject_code_idx" ON "court"."dishonest_debtor_case"("subject_code");

-- CreateIndex
CREATE INDEX "dishonest_debtor_case_status_filed_on_idx" ON "court"."dishonest_debtor_case"("status", "filed_on");

-- CreateIndex
CREATE INDEX "dishonest_debtor_case_court_name_filed_on_idx" ON "court"."dishonest_debtor_case"("court_name", "filed_on");

-- CreateIndex
CREATE INDEX "consumption_restriction_subject_code_idx" ON "court"."consumption_restriction"("subject_code");

-- CreateIndex
CREATE INDEX "consumption_restriction_case_number_idx" ON "court"."consumption_restriction"("case_number");

-- CreateIndex
CREATE INDEX "registration_region_code_status_idx" ON "market"."registration"("region_code", "status");

-- CreateIndex
CREATE UNIQUE INDEX "annual_report_subject_code_year_key" ON "market"."annual_report"("subject_code", "year");

-- CreateIndex
CREATE INDEX "abnormal_operation_subject_code_idx" ON "market"."abnormal_operation"("subject_code");

-- CreateIndex
CREATE INDEX "abnormal_operation_status_listed_on_idx" ON "market"."abnormal_operation"("status", "listed_on");

-- CreateIndex
CREATE INDEX "abnormal_operation_region_code_listed_on_idx" ON "market"."abnormal_operation"("region_code", "listed_on");

-- CreateIndex
CREATE INDEX "serious_illegal_listing_subject_code_idx" ON "market"."serious_illegal_listing"("subject_code");

-- CreateIndex
CREATE INDEX "serious_illegal_listing_status_listed_on_idx" ON "market"."serious_illegal_listing"("status", "listed_on");

