-- CreateTable
CREATE TABLE "evaluation"."measure" (
    "id" BIGSERIAL NOT NULL,
    "code" VARCHAR(64) NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "lists" TEXT[],
    "matters" TEXT[],
    "content" TEXT NOT NULL,
    "basis_title" TEXT NOT NULL,
    "basis_number" TEXT,
    "basis_article" TEXT,
    "status" VARCHAR(16) NOT NULL,
    "change_note" TEXT NOT NULL,
    "changed_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evaluation"."credit_check" (
    "id" UUID NOT NULL,
    "caller_actor" TEXT NOT NULL,
    "caller_role" VARCHAR(16) NOT NULL,
    "caller_department" VARCHAR(32),
    "caller_client" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "matter" VARCHAR(32) NOT NULL,
    "subject_code" VARCHAR(64) NOT NULL,
    "reference" TEXT,
    "lists" JSONB NOT NULL,
    "measures" JSONB NOT NULL,
    "action" VARCHAR(16) NOT NULL,
    "checked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credit_check_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evaluation"."check_feedback" (
    "id" BIGSERIAL NOT NULL,
    "check_id" UUID NOT NULL,
    "measure_code" VARCHAR(64) NOT NULL,
    "measure_version" INTEGER NOT NULL,
    "applied" BOOLEAN NOT NULL,
    "reason" TEXT,
    "reported_by" TEXT NOT NULL,
    "reported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "check_feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evaluation"."business_decision" (
    "id" BIGSERIAL NOT NULL,
    "department" VARCHAR(32) NOT NULL,
    "subject_code" VARCHAR(64) NOT NULL,
    "matter" VARCHAR(32) NOT NULL,
    "reference" TEXT NOT NULL,
    "decided_on" DATE NOT NULL,
    "reported_by" TEXT NOT NULL,
    "reported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "business_decision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "measure_code_version_key" ON "evaluation"."measure"("code", "version");

-- CreateIndex
CREATE INDEX "credit_check_caller_department_matter_checked_at_idx" ON "evaluation"."credit_check"("caller_department", "matter", "checked_at");

-- CreateIndex
CREATE INDEX "credit_check_subject_code_matter_caller_department_checked__idx" ON "evaluation"."credit_check"("subject_code", "matter", "caller_department", "checked_at");

-- CreateIndex
CREATE INDEX "credit_check_checked_at_idx" ON "evaluation"."credit_check"("checked_at");

-- CreateIndex
CREATE INDEX "check_feedback_check_id_measure_code_id_idx" ON "evaluation"."check_feedback"("check_id", "measure_code", "id");

-- CreateIndex
CREATE INDEX "business_decision_decided_on_idx" ON "evaluation"."business_decision"("decided_on");

-- CreateIndex
CREATE UNIQUE INDEX "business_decision_department_matter_reference_subject_code_key" ON "evaluation"."business_decision"("department", "matter", "reference", "subject_code");

-- AddForeignKey
ALTER TABLE "evaluation"."check_feedback" ADD CONSTRAINT "check_feedback_check_id_fkey" FOREIGN KEY ("check_id") REFERENCES "evaluation"."credit_check"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

