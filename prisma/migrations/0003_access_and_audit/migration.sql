-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "access";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "audit";

-- CreateTable
CREATE TABLE "access"."api_key" (
    "id" UUID NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "hash" CHAR(64) NOT NULL,
    "name" TEXT NOT NULL,
    "department" VARCHAR(32) NOT NULL,
    "scopes" TEXT[],
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_by" TEXT,
    "last_used_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit"."entry" (
    "seq" BIGINT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actor" TEXT NOT NULL,
    "role" VARCHAR(16) NOT NULL,
    "department" VARCHAR(32),
    "action" VARCHAR(16) NOT NULL,
    "subject_code" VARCHAR(22),
    "fields" TEXT NOT NULL,
    "detail" TEXT,
    "purpose" TEXT,
    "client" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "subgraph" VARCHAR(32) NOT NULL,
    "prev_hash" CHAR(64) NOT NULL,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "entry_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_key_prefix_key" ON "access"."api_key"("prefix");

-- CreateIndex
CREATE INDEX "api_key_department_idx" ON "access"."api_key"("department");

-- CreateIndex
CREATE INDEX "entry_subject_code_at_idx" ON "audit"."entry"("subject_code", "at");

-- CreateIndex
CREATE INDEX "entry_actor_at_idx" ON "audit"."entry"("actor", "at");

-- CreateIndex
CREATE INDEX "entry_department_at_idx" ON "audit"."entry"("department", "at");

-- CreateIndex
CREATE INDEX "entry_at_idx" ON "audit"."entry"("at");

