-- CreateTable
CREATE TABLE "report"."outbox" (
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
CREATE UNIQUE INDEX "outbox_id_key" ON "report"."outbox"("id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_unique_key_key" ON "report"."outbox"("unique_key");

-- CreateIndex
CREATE INDEX "outbox_relayed_at_position_idx" ON "report"."outbox"("relayed_at", "position");

