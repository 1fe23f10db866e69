-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "metrics";

-- CreateTable
CREATE TABLE "metrics"."outbox" (
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
CREATE TABLE "metrics"."fact" (
    "id" BIGSERIAL NOT NULL,
    "stream" VARCHAR(40) NOT NULL,
    "event_id" UUID NOT NULL,
    "seq" SMALLINT NOT NULL DEFAULT 0,
    "day" DATE NOT NULL,
    "subject_code" VARCHAR(22),
    "district" CHAR(6) NOT NULL DEFAULT '000000',
    "city" CHAR(6) NOT NULL DEFAULT '000000',
    "province" CHAR(6) NOT NULL DEFAULT '000000',
    "industry" VARCHAR(4) NOT NULL DEFAULT '-',
    "department" VARCHAR(32) NOT NULL,
    "subject_kind" VARCHAR(32) NOT NULL DEFAULT '-',
    "list" VARCHAR(40) NOT NULL DEFAULT '-',
    "matter" VARCHAR(64) NOT NULL DEFAULT '-',
    "severity" VARCHAR(32) NOT NULL DEFAULT '-',
    "value" DECIMAL(20,4) NOT NULL,
    "weight" DECIMAL(20,4) NOT NULL DEFAULT 1,

    CONSTRAINT "fact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metrics"."subject" (
    "code" VARCHAR(22) NOT NULL,
    "kind" VARCHAR(32) NOT NULL,
    "district" CHAR(6) NOT NULL,
    "industry" VARCHAR(4) NOT NULL DEFAULT '-',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "subject_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "metrics"."dashboard" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "department" VARCHAR(32),
    "scope" VARCHAR(16) NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by" TEXT NOT NULL,

    CONSTRAINT "dashboard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metrics"."alert_rule" (
    "id" UUID NOT NULL,
    "metric" VARCHAR(64) NOT NULL,
    "filters" JSONB NOT NULL,
    "comparator" VARCHAR(8) NOT NULL,
    "threshold" DECIMAL(20,4) NOT NULL,
    "owner" TEXT NOT NULL,
    "department" VARCHAR(32),
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metrics"."alert_firing" (
    "id" BIGSERIAL NOT NULL,
    "rule_id" UUID NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "value" DECIMAL(20,4) NOT NULL,
    "fired_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_firing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metrics"."stock" (
    "stream" VARCHAR(40) NOT NULL,
    "district" CHAR(6) NOT NULL,
    "city" CHAR(6) NOT NULL,
    "province" CHAR(6) NOT NULL,
    "industry" VARCHAR(4) NOT NULL,
    "department" VARCHAR(32) NOT NULL,
    "subject_kind" VARCHAR(32) NOT NULL,
    "list" VARCHAR(40) NOT NULL,
    "matter" VARCHAR(64) NOT NULL,
    "severity" VARCHAR(32) NOT NULL,
    "value" DECIMAL(20,4) NOT NULL,

    CONSTRAINT "stock_pkey" PRIMARY KEY ("stream","province","city","district","industry","department","subject_kind","list","matter","severity")
);

-- CreateIndex
CREATE UNIQUE INDEX "outbox_id_key" ON "metrics"."outbox"("id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_unique_key_key" ON "metrics"."outbox"("unique_key");

-- CreateIndex
CREATE INDEX "outbox_relayed_at_position_idx" ON "metrics"."outbox"("relayed_at", "position");

-- CreateIndex
CREATE INDEX "fact_stream_day_idx" ON "metrics"."fact"("stream", "day");

-- CreateIndex
CREATE INDEX "fact_stream_province_city_day_idx" ON "metrics"."fact"("stream", "province", "city", "day");

-- CreateIndex
CREATE INDEX "fact_subject_code_idx" ON "metrics"."fact"("subject_code");

-- CreateIndex
CREATE UNIQUE INDEX "fact_event_id_stream_seq_key" ON "metrics"."fact"("event_id", "stream", "seq");

-- CreateIndex
CREATE INDEX "dashboard_owner_idx" ON "metrics"."dashboard"("owner");

-- CreateIndex
CREATE UNIQUE INDEX "alert_firing_rule_id_period_start_period_end_key" ON "metrics"."alert_firing"("rule_id", "period_start", "period_end");

-- AddForeignKey
ALTER TABLE "metrics"."alert_firing" ADD CONSTRAINT "alert_firing_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "metrics"."alert_rule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

