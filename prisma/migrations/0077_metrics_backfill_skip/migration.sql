-- CreateTable
CREATE TABLE "metrics"."backfill_skip" (
    "run_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,

    CONSTRAINT "backfill_skip_pkey" PRIMARY KEY ("run_id","event_id")
);

