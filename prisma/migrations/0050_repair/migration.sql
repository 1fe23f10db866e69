-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "repair";

-- CreateTable
CREATE TABLE "repair"."repair_record" (
    "id" BIGSERIAL NOT NULL,
    "subject_code" VARCHAR(22) NOT NULL,
    "title" TEXT NOT NULL,
    "decided_on" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "repair_record_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "repair_record_subject_code_decided_on_id_idx" ON "repair"."repair_record"("subject_code", "decided_on" DESC, "id" DESC);

