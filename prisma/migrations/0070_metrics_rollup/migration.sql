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
