-- AlterTable
ALTER TABLE "push"."delivery" DROP COLUMN "leased_until";

-- CreateTable
CREATE TABLE "push"."queue" (
    "subscription_id" UUID NOT NULL,
    "order_key" TEXT NOT NULL,
    "head_seq" BIGINT NOT NULL,
    "next_at" TIMESTAMPTZ(3) NOT NULL,
    "leased_until" TIMESTAMPTZ(3),

    CONSTRAINT "queue_pkey" PRIMARY KEY ("subscription_id","order_key")
);

-- CreateIndex
CREATE INDEX "queue_next_at_idx" ON "push"."queue"("next_at");

