-- CreateEnum
CREATE TYPE "disclosure"."ImportJobStatus" AS ENUM ('RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "disclosure"."import_job" (
    "id" UUID NOT NULL,
    "department" VARCHAR(32) NOT NULL,
    "submitter" TEXT NOT NULL,
    "channel" VARCHAR(8) NOT NULL,
    "kind" VARCHAR(2) NOT NULL,
    "format" VARCHAR(8) NOT NULL,
    "file_name" TEXT,
    "sha256" CHAR(64) NOT NULL,
    "status" "disclosure"."ImportJobStatus" NOT NULL DEFAULT 'RUNNING',
    "rows_total" INTEGER,
    "rows_done" INTEGER NOT NULL DEFAULT 0,
    "received" INTEGER NOT NULL DEFAULT 0,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "quarantined" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "runs" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "import_job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "import_job_department_created_at_idx" ON "disclosure"."import_job"("department", "created_at" DESC);

-- CreateIndex
CREATE INDEX "import_job_created_at_idx" ON "disclosure"."import_job"("created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "import_job_department_sha256_key" ON "disclosure"."import_job"("department", "sha256");


-- Guards Prisma cannot express: the closed value sets, and a finished job that reconciles exactly.
ALTER TABLE "disclosure"."import_job"
  ADD CONSTRAINT "import_job_kind_check" CHECK ("kind" IN ('CF', 'XK')),
  ADD CONSTRAINT "import_job_channel_check" CHECK ("channel" IN ('FILE', 'UPLOAD')),
  ADD CONSTRAINT "import_job_format_check" CHECK ("format" IN ('CSV', 'JSON')),
  ADD CONSTRAINT "import_job_counts_check" CHECK (
    "rows_done" >= 0 AND "received" = "rows_done" AND "received" = "accepted" + "updated" + "quarantined" AND "unchanged" <= "updated"),
  ADD CONSTRAINT "import_job_done_check" CHECK (
    "status" <> 'DONE' OR ("rows_total" IS NOT NULL AND "rows_done" = "rows_total" AND "received" = "rows_total"));
