-- CreateTable
CREATE TABLE "metrics"."rollup" (
    "level" SMALLINT NOT NULL,
    "stream" VARCHAR(40) NOT NULL,
    "month" DATE NOT NULL,
    "district" CHAR(6) NOT NULL,
    "city" CHAR(6) NOT NULL,
    "province" CHAR(6) NOT NULL,
    "industry" VARCHAR(4) NOT NULL,
    "department" VARCHAR(32) NOT NULL,
    "subject_kind" VARCHAR(32) NOT NULL,
    "list" VARCHAR(40) NOT NULL,
    "matter" VARCHAR(64) NOT NULL,
    "severity" VARCHAR(32) NOT NULL,
    "n" BIGINT NOT NULL,
    "value" DECIMAL(20,4) NOT NULL,
    "weight" DECIMAL(20,4) NOT NULL,

    CONSTRAINT "rollup_pkey" PRIMARY KEY ("stream","level","month","province","city","district","industry","department","subject_kind","list","matter","severity")
);

-- Fill the rollups from the facts already stored (ADR 0112): the same statement as rebuildRollups.
INSERT INTO metrics.rollup (level, stream, month, province, city, district, industry, department, subject_kind, list, matter, severity, n, value, weight)
    SELECT 1::smallint AS level, stream, date_trunc('month', day)::date AS month,
        province AS province, '*' AS city, '*' AS district, '*' AS industry, department AS department, subject_kind AS subject_kind, list AS list, matter AS matter, severity AS severity,
        count(*) AS n, sum(value) AS value, sum(weight) AS weight
      FROM "metrics"."fact" GROUP BY stream, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
    UNION ALL SELECT 2::smallint AS level, stream, date_trunc('month', day)::date AS month,
        province AS province, city AS city, '*' AS district, '*' AS industry, department AS department, subject_kind AS subject_kind, list AS list, matter AS matter, severity AS severity,
        count(*) AS n, sum(value) AS value, sum(weight) AS weight
      FROM "metrics"."fact" GROUP BY stream, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
    UNION ALL SELECT 3::smallint AS level, stream, date_trunc('month', day)::date AS month,
        province AS province, '*' AS city, '*' AS district, industry AS industry, department AS department, subject_kind AS subject_kind, list AS list, matter AS matter, severity AS severity,
        count(*) AS n, sum(value) AS value, sum(weight) AS weight
      FROM "metrics"."fact" GROUP BY stream, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
    UNION ALL SELECT 4::smallint AS level, stream, date_trunc('month', day)::date AS month,
        province AS province, city AS city, district AS district, industry AS industry, department AS department, subject_kind AS subject_kind, list AS list, matter AS matter, severity AS severity,
        count(*) AS n, sum(value) AS value, sum(weight) AS weight
      FROM "metrics"."fact" GROUP BY stream, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
    ON CONFLICT (stream, level, month, province, city, district, industry, department, subject_kind, list, matter, severity)
    DO UPDATE SET n = metrics.rollup.n + EXCLUDED.n, value = metrics.rollup.value + EXCLUDED.value,
      weight = metrics.rollup.weight + EXCLUDED.weight;
