-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "events";

-- CreateTable
CREATE TABLE "tax"."outbox" (
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
CREATE TABLE "court"."outbox" (
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
CREATE TABLE "market"."outbox" (
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
CREATE TABLE "environment"."outbox" (
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
CREATE TABLE "government"."outbox" (
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
CREATE TABLE "disclosure"."outbox" (
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
CREATE TABLE "evaluation"."outbox" (
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
CREATE TABLE "events"."event" (
    "position" BIGSERIAL NOT NULL,
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "subject_code" TEXT,
    "person_key" TEXT,
    "department" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "payload" JSONB NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,
    "relayed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_pkey" PRIMARY KEY ("position")
);

-- CreateTable
CREATE TABLE "events"."cursor" (
    "consumer" TEXT NOT NULL,
    "position" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cursor_pkey" PRIMARY KEY ("consumer")
);

-- CreateTable
CREATE TABLE "events"."consumed" (
    "consumer" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "consumed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consumed_pkey" PRIMARY KEY ("consumer","event_id")
);

-- CreateTable
CREATE TABLE "events"."failure" (
    "consumer" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "attempts" INTEGER NOT NULL,
    "last_error" TEXT NOT NULL,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "failure_pkey" PRIMARY KEY ("consumer","event_id")
);

-- CreateTable
CREATE TABLE "events"."dead_letter" (
    "consumer" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "attempts" INTEGER NOT NULL,
    "last_error" TEXT NOT NULL,
    "dead_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dead_letter_pkey" PRIMARY KEY ("consumer","event_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "outbox_id_key" ON "tax"."outbox"("id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_unique_key_key" ON "tax"."outbox"("unique_key");

-- CreateIndex
CREATE INDEX "outbox_relayed_at_position_idx" ON "tax"."outbox"("relayed_at", "position");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_id_key" ON "court"."outbox"("id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_unique_key_key" ON "court"."outbox"("unique_key");

-- CreateIndex
CREATE INDEX "outbox_relayed_at_position_idx" ON "court"."outbox"("relayed_at", "position");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_id_key" ON "market"."outbox"("id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_unique_key_key" ON "market"."outbox"("unique_key");

-- CreateIndex
CREATE INDEX "outbox_relayed_at_position_idx" ON "market"."outbox"("relayed_at", "position");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_id_key" ON "environment"."outbox"("id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_unique_key_key" ON "environment"."outbox"("unique_key");

-- CreateIndex
CREATE INDEX "outbox_relayed_at_position_idx" ON "environment"."outbox"("relayed_at", "position");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_id_key" ON "government"."outbox"("id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_unique_key_key" ON "government"."outbox"("unique_key");

-- CreateIndex
CREATE INDEX "outbox_relayed_at_position_idx" ON "government"."outbox"("relayed_at", "position");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_id_key" ON "disclosure"."outbox"("id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_unique_key_key" ON "disclosure"."outbox"("unique_key");

-- CreateIndex
CREATE INDEX "outbox_relayed_at_position_idx" ON "disclosure"."outbox"("relayed_at", "position");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_id_key" ON "evaluation"."outbox"("id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_unique_key_key" ON "evaluation"."outbox"("unique_key");

-- CreateIndex
CREATE INDEX "outbox_relayed_at_position_idx" ON "evaluation"."outbox"("relayed_at", "position");

-- CreateIndex
CREATE UNIQUE INDEX "event_id_key" ON "events"."event"("id");

-- CreateIndex
CREATE INDEX "event_type_position_idx" ON "events"."event"("type", "position");

-- CreateIndex
CREATE INDEX "event_subject_code_position_idx" ON "events"."event"("subject_code", "position");

