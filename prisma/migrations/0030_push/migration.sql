-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "push";

-- CreateEnum
CREATE TYPE "push"."PushOwnerKind" AS ENUM ('DEPARTMENT', 'CREDIT_SERVICE');

-- CreateEnum
CREATE TYPE "push"."PushSubscriptionStatus" AS ENUM ('ACTIVE', 'DISABLED', 'REVOKED');

-- CreateEnum
CREATE TYPE "push"."PushDeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'DEAD');

-- CreateTable
CREATE TABLE "push"."subscription" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "owner_kind" "push"."PushOwnerKind" NOT NULL,
    "department" VARCHAR(32),
    "service_name" TEXT,
    "url" TEXT NOT NULL,
    "event_types" TEXT[],
    "secret" TEXT NOT NULL,
    "status" "push"."PushSubscriptionStatus" NOT NULL DEFAULT 'ACTIVE',
    "disabled_reason" TEXT,
    "disabled_at" TIMESTAMPTZ(3),
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_by" TEXT,

    CONSTRAINT "subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "push"."event" (
    "seq" BIGSERIAL NOT NULL,
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "subject_code" VARCHAR(22),
    "department" VARCHAR(32) NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,
    "payload_version" INTEGER NOT NULL DEFAULT 1,
    "payload" JSONB NOT NULL,
    "target_department" VARCHAR(32),

    CONSTRAINT "event_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "push"."delivery" (
    "subscription_id" UUID NOT NULL,
    "event_seq" BIGINT NOT NULL,
    "order_key" TEXT NOT NULL,
    "status" "push"."PushDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_at" TIMESTAMPTZ(3) NOT NULL,
    "leased_until" TIMESTAMPTZ(3),
    "last_status_code" INTEGER,
    "last_error" TEXT,
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "delivery_pkey" PRIMARY KEY ("subscription_id","event_seq")
);

-- CreateTable
CREATE TABLE "push"."attempt" (
    "id" BIGSERIAL NOT NULL,
    "subscription_id" UUID NOT NULL,
    "event_seq" BIGINT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "status_code" INTEGER,
    "error" TEXT,
    "outcome" VARCHAR(16) NOT NULL,

    CONSTRAINT "attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "push"."credit_check" (
    "event_id" UUID NOT NULL,
    "subject_code" VARCHAR(22) NOT NULL,
    "department" VARCHAR(32) NOT NULL,
    "action" VARCHAR(16) NOT NULL,
    "checked_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "credit_check_pkey" PRIMARY KEY ("event_id")
);

-- CreateTable
CREATE TABLE "push"."measure_lift" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "cause_event_id" UUID NOT NULL,
    "cause_type" TEXT NOT NULL,
    "subject_code" VARCHAR(22) NOT NULL,
    "department" VARCHAR(32) NOT NULL,
    "actions" TEXT[],
    "last_checked_at" TIMESTAMPTZ(3) NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL,
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by" TEXT,
    "note" TEXT,

    CONSTRAINT "measure_lift_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "subscription_status_idx" ON "push"."subscription"("status");

-- CreateIndex
CREATE UNIQUE INDEX "event_id_key" ON "push"."event"("id");

-- CreateIndex
CREATE INDEX "event_occurred_at_idx" ON "push"."event"("occurred_at");

-- CreateIndex
CREATE INDEX "delivery_status_next_at_idx" ON "push"."delivery"("status", "next_at");

-- CreateIndex
CREATE INDEX "delivery_subscription_id_order_key_event_seq_idx" ON "push"."delivery"("subscription_id", "order_key", "event_seq");

-- CreateIndex
CREATE INDEX "attempt_subscription_id_id_idx" ON "push"."attempt"("subscription_id", "id" DESC);

-- CreateIndex
CREATE INDEX "credit_check_subject_code_checked_at_idx" ON "push"."credit_check"("subject_code", "checked_at");

-- CreateIndex
CREATE UNIQUE INDEX "measure_lift_event_id_key" ON "push"."measure_lift"("event_id");

-- CreateIndex
CREATE INDEX "measure_lift_department_acknowledged_at_idx" ON "push"."measure_lift"("department", "acknowledged_at");

-- CreateIndex
CREATE UNIQUE INDEX "measure_lift_cause_event_id_department_key" ON "push"."measure_lift"("cause_event_id", "department");

