-- CreateTable
CREATE TABLE "metrics"."subject_tally" (
    "stream" VARCHAR(40) NOT NULL,
    "subject_code" VARCHAR(22) NOT NULL,
    "n" BIGINT NOT NULL,

    CONSTRAINT "subject_tally_pkey" PRIMARY KEY ("stream","subject_code")
);

-- CreateIndex
CREATE INDEX "subject_tally_stream_n_idx" ON "metrics"."subject_tally"("stream", "n");

-- Tally the facts already stored (ADR 0125): the same statement as rebuildRollups' tally.
INSERT INTO "metrics"."subject_tally" ("stream", "subject_code", "n")
    SELECT stream, subject_code, count(*) FROM "metrics"."fact" WHERE subject_code IS NOT NULL GROUP BY stream, subject_code;
