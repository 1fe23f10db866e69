-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "metrics";

-- CreateTable
CREATE TABLE "metrics"."metrics_record" (
    "id" BIGSERIAL NOT NULL,
    "subject_code" VARCHAR(22) NOT NULL,
    "title" TEXT NOT NULL,
    "decided_on" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "metrics_record_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "metrics_record_subject_code_decided_on_id_idx" ON "metrics"."metrics_record"("subject_code", "decided_on" DESC, "id" DESC);

