-- AlterTable
ALTER TABLE "evaluation"."credit_check" ADD COLUMN     "idempotency_key" VARCHAR(100);

-- CreateIndex
CREATE UNIQUE INDEX "credit_check_caller_actor_idempotency_key_subject_code_matt_key" ON "evaluation"."credit_check"("caller_actor", "idempotency_key", "subject_code", "matter");

