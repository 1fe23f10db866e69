-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "report";

-- CreateTable
CREATE TABLE "report"."issued_report" (
    "number" VARCHAR(22) NOT NULL,
    "kind" VARCHAR(24) NOT NULL,
    "subject_code" VARCHAR(22) NOT NULL,
    "subject_name" TEXT NOT NULL,
    "period_from" DATE,
    "period_to" DATE,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "data_cutoff" TIMESTAMPTZ(3) NOT NULL,
    "requester" TEXT NOT NULL,
    "requester_role" VARCHAR(16) NOT NULL,
    "purpose" VARCHAR(32) NOT NULL,
    "purpose_text" TEXT,
    "pdf_sha256" CHAR(64) NOT NULL,
    "pdf" BYTEA NOT NULL,
    "data" JSONB NOT NULL,
    "data_digest" CHAR(64) NOT NULL,
    "verification_code" CHAR(8) NOT NULL,
    "signature" TEXT NOT NULL,
    "key_id" VARCHAR(64) NOT NULL,

    CONSTRAINT "issued_report_pkey" PRIMARY KEY ("number")
);

-- CreateTable
CREATE TABLE "report"."report_sequence" (
    "region_code" CHAR(6) NOT NULL,
    "day" DATE NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "report_sequence_pkey" PRIMARY KEY ("region_code","day")
);

-- CreateIndex
CREATE INDEX "issued_report_issued_at_kind_purpose_idx" ON "report"."issued_report"("issued_at", "kind", "purpose");

-- CreateIndex
CREATE INDEX "issued_report_subject_code_issued_at_idx" ON "report"."issued_report"("subject_code", "issued_at" DESC);


-- Hand-written: an issued report is immutable (verification after the subject's data changed depends on it).
CREATE FUNCTION report.refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'report.issued_report is immutable: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER issued_report_immutable
  BEFORE UPDATE OR DELETE OR TRUNCATE ON report.issued_report
  FOR EACH STATEMENT EXECUTE FUNCTION report.refuse_change();
