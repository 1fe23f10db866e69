-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "repair";

-- CreateTable
CREATE TABLE "repair"."case" (
    "id" BIGSERIAL NOT NULL,
    "kind" VARCHAR(12) NOT NULL,
    "query_code" VARCHAR(16) NOT NULL,
    "subject_code" VARCHAR(22) NOT NULL,
    "applicant_actor" VARCHAR(200) NOT NULL,
    "applicant_kind" VARCHAR(10) NOT NULL,
    "agent_name" VARCHAR(200),
    "contact_phone" VARCHAR(40),
    "record_kind" VARCHAR(40) NOT NULL,
    "record_id" VARCHAR(64) NOT NULL,
    "department" VARCHAR(40) NOT NULL,
    "category" VARCHAR(40),
    "statement" TEXT NOT NULL,
    "state" VARCHAR(30) NOT NULL,
    "returned_from" VARCHAR(30),
    "due_on" DATE,
    "days_left" INTEGER,
    "stage_started_at" TIMESTAMPTZ(3) NOT NULL,
    "extended" BOOLEAN NOT NULL DEFAULT false,
    "decision_reason" TEXT,
    "reapply_from" DATE,
    "submitted_at" TIMESTAMPTZ(3),
    "decided_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "repair"."transition" (
    "id" BIGSERIAL NOT NULL,
    "case_id" BIGINT NOT NULL,
    "from_state" VARCHAR(30),
    "to_state" VARCHAR(30) NOT NULL,
    "action" VARCHAR(20) NOT NULL,
    "actor" VARCHAR(200) NOT NULL,
    "role" VARCHAR(20) NOT NULL,
    "department" VARCHAR(40),
    "reason" TEXT,
    "stage_days" INTEGER,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "transition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "repair"."file" (
    "id" BIGSERIAL NOT NULL,
    "case_id" BIGINT NOT NULL,
    "purpose" VARCHAR(20) NOT NULL,
    "file_name" VARCHAR(200) NOT NULL,
    "media_type" VARCHAR(40) NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "content" BYTEA NOT NULL,
    "uploaded_by" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "repair"."record_fact" (
    "record_kind" VARCHAR(40) NOT NULL,
    "record_id" VARCHAR(64) NOT NULL,
    "subject_code" VARCHAR(22) NOT NULL,
    "department" VARCHAR(40) NOT NULL,
    "since" DATE NOT NULL,
    "ends_on" DATE,
    "repairable_from" DATE,
    "ended_on" DATE,
    "ended_cause" VARCHAR(20),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "record_fact_pkey" PRIMARY KEY ("record_kind","record_id")
);

-- CreateTable
CREATE TABLE "repair"."outbox" (
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

-- CreateIndex
CREATE UNIQUE INDEX "case_query_code_key" ON "repair"."case"("query_code");

-- CreateIndex
CREATE INDEX "case_subject_code_created_at_idx" ON "repair"."case"("subject_code", "created_at" DESC);

-- CreateIndex
CREATE INDEX "case_applicant_actor_created_at_idx" ON "repair"."case"("applicant_actor", "created_at" DESC);

-- CreateIndex
CREATE INDEX "case_department_state_due_on_idx" ON "repair"."case"("department", "state", "due_on");

-- CreateIndex
CREATE INDEX "case_record_kind_record_id_idx" ON "repair"."case"("record_kind", "record_id");

-- CreateIndex
CREATE INDEX "transition_case_id_at_idx" ON "repair"."transition"("case_id", "at");

-- CreateIndex
CREATE INDEX "transition_at_idx" ON "repair"."transition"("at");

-- CreateIndex
CREATE INDEX "file_case_id_idx" ON "repair"."file"("case_id");

-- CreateIndex
CREATE INDEX "record_fact_subject_code_idx" ON "repair"."record_fact"("subject_code");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_id_key" ON "repair"."outbox"("id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_unique_key_key" ON "repair"."outbox"("unique_key");

-- CreateIndex
CREATE INDEX "outbox_relayed_at_position_idx" ON "repair"."outbox"("relayed_at", "position");

-- AddForeignKey
ALTER TABLE "repair"."transition" ADD CONSTRAINT "transition_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "repair"."case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "repair"."file" ADD CONSTRAINT "file_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "repair"."case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

