-- CreateIndex
CREATE INDEX "consumed_consumed_at_idx" ON "events"."consumed"("consumed_at");

