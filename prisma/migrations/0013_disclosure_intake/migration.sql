-- CreateEnum
CREATE TYPE "disclosure"."DisclosureSubjectCategory" AS ENUM ('LEGAL_ENTITY', 'NATURAL_PERSON', 'INDIVIDUAL_BUSINESS');

-- CreateEnum
CREATE TYPE "disclosure"."DisclosureIdType" AS ENUM ('ID_CARD', 'PASSPORT', 'HK_MACAO_PASS', 'TAIWAN_PASS', 'FOREIGN_PERMANENT_RESIDENT');

-- CreateEnum
CREATE TYPE "disclosure"."PenaltyType" AS ENUM ('WARNING', 'CIRCULATED_CRITICISM', 'FINE', 'CONFISCATION_OF_ILLEGAL_GAINS', 'CONFISCATION_OF_ILLEGAL_PROPERTY', 'LICENCE_SUSPENSION', 'QUALIFICATION_DOWNGRADE', 'LICENCE_REVOCATION', 'BUSINESS_RESTRICTION', 'SUSPENSION_OF_BUSINESS', 'CLOSURE', 'EMPLOYMENT_RESTRICTION', 'ADMINISTRATIVE_DETENTION', 'OTHER');

-- CreateEnum
CREATE TYPE "disclosure"."PenaltyTier" AS ENUM ('MINOR', 'GENERAL', 'SEVERE');

-- CreateEnum
CREATE TYPE "disclosure"."LicenceCategory" AS ENUM ('GENERAL', 'FRANCHISE', 'RECOGNITION', 'APPROVAL', 'REGISTRATION', 'OTHER');

-- CreateEnum
CREATE TYPE "disclosure"."LicenceStatus" AS ENUM ('VALID', 'INVALID');

-- CreateEnum
CREATE TYPE "disclosure"."DisclosureKind" AS ENUM ('CF', 'XK');

-- CreateEnum
CREATE TYPE "disclosure"."DisclosureChannel" AS ENUM ('GRAPHQL', 'FILE', 'UPLOAD');

-- CreateEnum
CREATE TYPE "disclosure"."QuarantineStatus" AS ENUM ('OPEN', 'RESUBMITTED', 'SUPERSEDED');

-- CreateTable
CREATE TABLE "disclosure"."authority" (
    "code" VARCHAR(18) NOT NULL,
    "name" TEXT NOT NULL,
    "department" VARCHAR(32) NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "authority_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "disclosure"."penalty" (
    "id" BIGSERIAL NOT NULL,
    "subject_name" TEXT NOT NULL,
    "subject_category" "disclosure"."DisclosureSubjectCategory" NOT NULL,
    "uscc" VARCHAR(18),
    "business_registration_number" TEXT,
    "organisation_code" TEXT,
    "tax_registration_number" TEXT,
    "public_institution_number" TEXT,
    "social_organisation_number" TEXT,
    "legal_representative" TEXT,
    "legal_representative_id_type" "disclosure"."DisclosureIdType",
    "legal_representative_id_number" TEXT,
    "subject_id_type" "disclosure"."DisclosureIdType",
    "subject_id_number" TEXT,
    "document_number" TEXT NOT NULL,
    "violation_type" TEXT NOT NULL,
    "facts" TEXT NOT NULL,
    "legal_basis" TEXT NOT NULL,
    "penalty_types" "disclosure"."PenaltyType"[],
    "content" TEXT NOT NULL,
    "fine_amount" DECIMAL(18,6),
    "confiscated_amount" DECIMAL(18,6),
    "suspended_licences" TEXT,
    "decided_on" DATE NOT NULL,
    "valid_until" DATE NOT NULL,
    "publicity_deadline" DATE,
    "authority_name" TEXT NOT NULL,
    "authority_code" VARCHAR(18) NOT NULL,
    "source_name" TEXT NOT NULL,
    "source_code" VARCHAR(18) NOT NULL,
    "remarks" TEXT,
    "subject_code" VARCHAR(22) NOT NULL,
    "department" VARCHAR(32) NOT NULL,
    "tier" "disclosure"."PenaltyTier" NOT NULL,
    "publicity_ends_on" DATE NOT NULL,
    "repaired_on" DATE,
    "repair_reason" TEXT,
    "first_received_at" TIMESTAMPTZ(3) NOT NULL,
    "last_received_at" TIMESTAMPTZ(3) NOT NULL,
    "content_hash" CHAR(64) NOT NULL,

    CONSTRAINT "penalty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disclosure"."licence" (
    "id" BIGSERIAL NOT NULL,
    "subject_name" TEXT NOT NULL,
    "subject_category" "disclosure"."DisclosureSubjectCategory" NOT NULL,
    "uscc" VARCHAR(18),
    "business_registration_number" TEXT,
    "organisation_code" TEXT,
    "tax_registration_number" TEXT,
    "public_institution_number" TEXT,
    "social_organisation_number" TEXT,
    "legal_representative" TEXT,
    "legal_representative_id_type" "disclosure"."DisclosureIdType",
    "legal_representative_id_number" TEXT,
    "subject_id_type" "disclosure"."DisclosureIdType",
    "subject_id_number" TEXT,
    "document_name" TEXT NOT NULL,
    "document_number" TEXT NOT NULL,
    "category" "disclosure"."LicenceCategory" NOT NULL,
    "certificate_name" TEXT,
    "licence_number" TEXT,
    "content" TEXT NOT NULL,
    "decided_on" DATE NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_until" DATE NOT NULL,
    "authority_name" TEXT NOT NULL,
    "authority_code" VARCHAR(18) NOT NULL,
    "status" "disclosure"."LicenceStatus" NOT NULL,
    "source_name" TEXT NOT NULL,
    "source_code" VARCHAR(18) NOT NULL,
    "remarks" TEXT,
    "subject_code" VARCHAR(22) NOT NULL,
    "department" VARCHAR(32) NOT NULL,
    "first_received_at" TIMESTAMPTZ(3) NOT NULL,
    "last_received_at" TIMESTAMPTZ(3) NOT NULL,
    "content_hash" CHAR(64) NOT NULL,

    CONSTRAINT "licence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disclosure"."revision" (
    "id" BIGSERIAL NOT NULL,
    "kind" "disclosure"."DisclosureKind" NOT NULL,
    "record_id" BIGINT NOT NULL,
    "authority_code" VARCHAR(18) NOT NULL,
    "document_number" TEXT NOT NULL,
    "submission_id" TEXT NOT NULL,
    "row_number" INTEGER NOT NULL,
    "department" VARCHAR(32) NOT NULL,
    "submitter" TEXT NOT NULL,
    "channel" "disclosure"."DisclosureChannel" NOT NULL,
    "content_hash" CHAR(64) NOT NULL,
    "row" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disclosure"."quarantine" (
    "id" BIGSERIAL NOT NULL,
    "submission_id" TEXT NOT NULL,
    "row_number" INTEGER NOT NULL,
    "kind" "disclosure"."DisclosureKind" NOT NULL,
    "department" VARCHAR(32) NOT NULL,
    "submitter" TEXT NOT NULL,
    "channel" "disclosure"."DisclosureChannel" NOT NULL,
    "original" JSONB NOT NULL,
    "reasons" JSONB NOT NULL,
    "status" "disclosure"."QuarantineStatus" NOT NULL DEFAULT 'OPEN',
    "authority_code" VARCHAR(18),
    "document_number" TEXT,
    "decided_on" DATE,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),
    "record_id" BIGINT,

    CONSTRAINT "quarantine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disclosure"."submission" (
    "id" TEXT NOT NULL,
    "kind" "disclosure"."DisclosureKind" NOT NULL,
    "department" VARCHAR(32) NOT NULL,
    "submitter" TEXT NOT NULL,
    "channel" "disclosure"."DisclosureChannel" NOT NULL,
    "received" INTEGER NOT NULL DEFAULT 0,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "quarantined" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disclosure"."declared_decision" (
    "id" BIGSERIAL NOT NULL,
    "kind" "disclosure"."DisclosureKind" NOT NULL,
    "authority_code" VARCHAR(18) NOT NULL,
    "document_number" TEXT NOT NULL,
    "decided_on" DATE NOT NULL,
    "department" VARCHAR(32) NOT NULL,
    "declared_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "declared_decision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "authority_department_idx" ON "disclosure"."authority"("department");

-- CreateIndex
CREATE INDEX "penalty_subject_code_idx" ON "disclosure"."penalty"("subject_code");

-- CreateIndex
CREATE INDEX "penalty_department_decided_on_id_idx" ON "disclosure"."penalty"("department", "decided_on" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "penalty_decided_on_id_idx" ON "disclosure"."penalty"("decided_on" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "penalty_authority_code_document_number_key" ON "disclosure"."penalty"("authority_code", "document_number");

-- CreateIndex
CREATE INDEX "licence_subject_code_idx" ON "disclosure"."licence"("subject_code");

-- CreateIndex
CREATE INDEX "licence_department_decided_on_id_idx" ON "disclosure"."licence"("department", "decided_on" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "licence_decided_on_id_idx" ON "disclosure"."licence"("decided_on" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "licence_authority_code_document_number_key" ON "disclosure"."licence"("authority_code", "document_number");

-- CreateIndex
CREATE INDEX "revision_kind_record_id_id_idx" ON "disclosure"."revision"("kind", "record_id", "id");

-- CreateIndex
CREATE INDEX "quarantine_department_status_id_idx" ON "disclosure"."quarantine"("department", "status", "id" DESC);

-- CreateIndex
CREATE INDEX "quarantine_status_id_idx" ON "disclosure"."quarantine"("status", "id" DESC);

-- CreateIndex
CREATE INDEX "quarantine_authority_code_document_number_idx" ON "disclosure"."quarantine"("authority_code", "document_number");

-- CreateIndex
CREATE UNIQUE INDEX "quarantine_submission_id_row_number_key" ON "disclosure"."quarantine"("submission_id", "row_number");

-- CreateIndex
CREATE INDEX "submission_department_created_at_idx" ON "disclosure"."submission"("department", "created_at" DESC);

-- CreateIndex
CREATE INDEX "declared_decision_department_decided_on_idx" ON "disclosure"."declared_decision"("department", "decided_on");

-- CreateIndex
CREATE INDEX "declared_decision_decided_on_idx" ON "disclosure"."declared_decision"("decided_on");

-- CreateIndex
CREATE UNIQUE INDEX "declared_decision_kind_authority_code_document_number_key" ON "disclosure"."declared_decision"("kind", "authority_code", "document_number");

