-- CreateTable
CREATE TABLE "metrics"."backfill_run" (
    "id" UUID NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "bus_position" BIGINT NOT NULL,
    "finished_at" TIMESTAMPTZ(3),
    "items" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "backfill_run_pkey" PRIMARY KEY ("id")
);

