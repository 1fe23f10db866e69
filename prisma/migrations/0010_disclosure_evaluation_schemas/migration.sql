-- CreateSchema (the tables follow in the departments' own migrations)
CREATE SCHEMA IF NOT EXISTS "disclosure";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "evaluation";
