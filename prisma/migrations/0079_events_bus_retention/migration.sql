-- AlterTable
ALTER TABLE "events"."failure" ADD COLUMN     "stream_seq" BIGINT;

-- CreateTable
CREATE TABLE "events"."bus_horizon" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "pruned_through" BIGINT NOT NULL,
    "pruned_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "bus_horizon_pkey" PRIMARY KEY ("id")
);

