-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "commitment";

-- CreateEnum
CREATE TYPE "commitment"."CreditCommitmentKind" AS ENUM ('APPROVAL_NOTIFICATION', 'DEFICIENCY_TOLERANCE', 'VOLUNTARY', 'REPAIR');

-- CreateEnum
CREATE TYPE "commitment"."CreditCommitmentState" AS ENUM ('IN_FORCE', 'KEPT', 'BROKEN');

-- CreateEnum
CREATE TYPE "commitment"."CommitmentBreachTier" AS ENUM ('MINOR', 'GENERAL', 'SEVERE');

-- CreateTable
CREATE TABLE "commitment"."credit_commitment" (
    "id" UUID NOT NULL,
    "subject_code" VARCHAR(22) NOT NULL,
    "kind" "commitment"."CreditCommitmentKind" NOT NULL,
    "matter" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "signatory" TEXT,
    "reference" TEXT,
    "checking_department" TEXT NOT NULL,
    "recorded_by_department" TEXT NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "made_on" DATE NOT NULL,
    "term_ends_on" DATE NOT NULL,
    "state" "commitment"."CreditCommitmentState" NOT NULL DEFAULT 'IN_FORCE',
    "checked_on" DATE,
    "checked_by" TEXT,
    "finding" TEXT,
    "tier" "commitment"."CommitmentBreachTier",
    "publicity_ends_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credit_commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "commitment"."outbox" (
    "position" BIGSERIAL NOT NULL,
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "subject_code" TEXT,
    "person_key" TEXT,
    "department" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "payload" JSONB NOT NULL,
    "unique_key" TEXT,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "relayed_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("position")
);

-- CreateTable
CREATE TABLE "evaluation"."commitment_fact" (
    "commitment_id" UUID NOT NULL,
    "subject_code" VARCHAR(22) NOT NULL,
    "outcome" VARCHAR(10) NOT NULL,
    "kind" VARCHAR(40) NOT NULL,
    "matter" TEXT NOT NULL,
    "checking_department" TEXT NOT NULL,
    "checked_on" DATE NOT NULL,
    "publicity_ends_on" DATE,
    "event_id" UUID NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "commitment_fact_pkey" PRIMARY KEY ("commitment_id")
);

-- CreateIndex
CREATE INDEX "credit_commitment_subject_code_made_on_idx" ON "commitment"."credit_commitment"("subject_code", "made_on" DESC);

-- CreateIndex
CREATE INDEX "credit_commitment_checking_department_state_term_ends_on_idx" ON "commitment"."credit_commitment"("checking_department", "state", "term_ends_on");

-- CreateIndex
CREATE INDEX "credit_commitment_reference_idx" ON "commitment"."credit_commitment"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_id_key" ON "commitment"."outbox"("id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_unique_key_key" ON "commitment"."outbox"("unique_key");

-- CreateIndex
CREATE INDEX "outbox_relayed_at_position_idx" ON "commitment"."outbox"("relayed_at", "position");

-- CreateIndex
CREATE INDEX "commitment_fact_subject_code_idx" ON "evaluation"."commitment_fact"("subject_code");

