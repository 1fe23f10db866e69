-- CreateEnum
CREATE TYPE "evaluation"."EvaluationModelStatus" AS ENUM ('DRAFT', 'ACTIVE', 'RETIRED');

-- CreateTable
CREATE TABLE "evaluation"."evaluation_model" (
    "code" VARCHAR(40) NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "subject_kinds" TEXT[],
    "status" "evaluation"."EvaluationModelStatus" NOT NULL DEFAULT 'DRAFT',
    "definition" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT NOT NULL,
    "activated_at" TIMESTAMPTZ(3),
    "retired_at" TIMESTAMPTZ(3),

    CONSTRAINT "evaluation_model_pkey" PRIMARY KEY ("code","version")
);

-- CreateTable
CREATE TABLE "evaluation"."subject_evaluation" (
    "subject_code" VARCHAR(22) NOT NULL,
    "subject_kind" VARCHAR(32) NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "industry_code" VARCHAR(8),
    "model_code" VARCHAR(40) NOT NULL,
    "model_version" INTEGER NOT NULL,
    "score" INTEGER NOT NULL,
    "grade" VARCHAR(32) NOT NULL,
    "grade_label" TEXT NOT NULL,
    "supervision_level" VARCHAR(16) NOT NULL,
    "supervision_label" TEXT NOT NULL,
    "sampling_ratio" DOUBLE PRECISION NOT NULL,
    "explanation" JSONB NOT NULL,
    "inputs_digest" CHAR(64) NOT NULL,
    "evaluated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "subject_evaluation_pkey" PRIMARY KEY ("subject_code")
);

-- CreateTable
CREATE TABLE "evaluation"."inspection_draw" (
    "id" BIGSERIAL NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "industry_code" VARCHAR(8),
    "seed" VARCHAR(100) NOT NULL,
    "matter" TEXT NOT NULL,
    "population_count" INTEGER NOT NULL,
    "strata" JSONB NOT NULL,
    "selected_codes" TEXT[],
    "unevaluated_count" INTEGER,
    "refresh_id" BIGINT,
    "drawn_by" TEXT NOT NULL,
    "drawn_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inspection_draw_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evaluation"."evaluation_refresh" (
    "id" BIGSERIAL NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "registered_subjects" INTEGER NOT NULL,
    "evaluated_subjects" INTEGER NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evaluation_refresh_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "evaluation_model_status_idx" ON "evaluation"."evaluation_model"("status");

-- CreateIndex
CREATE INDEX "subject_evaluation_region_code_industry_code_idx" ON "evaluation"."subject_evaluation"("region_code", "industry_code");

-- CreateIndex
CREATE INDEX "inspection_draw_region_code_drawn_at_idx" ON "evaluation"."inspection_draw"("region_code", "drawn_at");

-- CreateIndex
CREATE INDEX "evaluation_refresh_region_code_recorded_at_idx" ON "evaluation"."evaluation_refresh"("region_code", "recorded_at");


-- Draws filter by region prefix (LIKE '3301%'): a pattern-ops index serves it whatever the database collation.
CREATE INDEX "subject_evaluation_region_prefix_idx" ON "evaluation"."subject_evaluation"("region_code" bpchar_pattern_ops, "industry_code");
