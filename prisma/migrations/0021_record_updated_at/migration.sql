-- AlterTable
ALTER TABLE "court"."dishonest_debtor_case" ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "court"."consumption_restriction" ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "disclosure"."penalty" ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "disclosure"."licence" ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "environment"."credit_rating" ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "environment"."penalty" ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "environment"."discharge_permit" ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "market"."registration" ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "market"."annual_report" ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "market"."abnormal_operation" ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "market"."serious_illegal_listing" ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "tax"."credit_rating" ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "tax"."major_violation" ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;


-- 数据更新时间 (the public site's "when its data last changed", docs/web.md): updated_at follows every change of a
-- record, whichever writer made it (the subgraphs' Prisma writes, their raw upserts, the disclosure import, a repair),
-- so a trigger keeps it rather than each write path. A write that changes nothing but the receipt time of a 双公示
-- resubmission (last_received_at) leaves it alone. One function per department schema: each schema stays its
-- subgraph's own. Existing rows start at the time of this migration (when they were last stored is not known).
CREATE FUNCTION "court"."touch_updated_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (to_jsonb(NEW) - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'updated_at') THEN
    NEW.updated_at := now();
  ELSE
    NEW.updated_at := OLD.updated_at;
  END IF;
  RETURN NEW;
END $$;
CREATE FUNCTION "market"."touch_updated_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (to_jsonb(NEW) - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'updated_at') THEN
    NEW.updated_at := now();
  ELSE
    NEW.updated_at := OLD.updated_at;
  END IF;
  RETURN NEW;
END $$;
CREATE FUNCTION "tax"."touch_updated_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (to_jsonb(NEW) - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'updated_at') THEN
    NEW.updated_at := now();
  ELSE
    NEW.updated_at := OLD.updated_at;
  END IF;
  RETURN NEW;
END $$;
CREATE FUNCTION "environment"."touch_updated_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (to_jsonb(NEW) - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'updated_at') THEN
    NEW.updated_at := now();
  ELSE
    NEW.updated_at := OLD.updated_at;
  END IF;
  RETURN NEW;
END $$;
-- 双公示: a resubmission stamps last_received_at even when the record is unchanged; that is no change of the data.
CREATE FUNCTION "disclosure"."touch_updated_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (to_jsonb(NEW) - 'updated_at' - 'last_received_at') IS DISTINCT FROM (to_jsonb(OLD) - 'updated_at' - 'last_received_at') THEN
    NEW.updated_at := now();
  ELSE
    NEW.updated_at := OLD.updated_at;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "touch_updated_at" BEFORE UPDATE ON "court"."dishonest_debtor_case" FOR EACH ROW EXECUTE FUNCTION "court"."touch_updated_at"();
CREATE TRIGGER "touch_updated_at" BEFORE UPDATE ON "court"."consumption_restriction" FOR EACH ROW EXECUTE FUNCTION "court"."touch_updated_at"();
CREATE TRIGGER "touch_updated_at" BEFORE UPDATE ON "disclosure"."penalty" FOR EACH ROW EXECUTE FUNCTION "disclosure"."touch_updated_at"();
CREATE TRIGGER "touch_updated_at" BEFORE UPDATE ON "disclosure"."licence" FOR EACH ROW EXECUTE FUNCTION "disclosure"."touch_updated_at"();
CREATE TRIGGER "touch_updated_at" BEFORE UPDATE ON "environment"."credit_rating" FOR EACH ROW EXECUTE FUNCTION "environment"."touch_updated_at"();
CREATE TRIGGER "touch_updated_at" BEFORE UPDATE ON "environment"."penalty" FOR EACH ROW EXECUTE FUNCTION "environment"."touch_updated_at"();
CREATE TRIGGER "touch_updated_at" BEFORE UPDATE ON "environment"."discharge_permit" FOR EACH ROW EXECUTE FUNCTION "environment"."touch_updated_at"();
CREATE TRIGGER "touch_updated_at" BEFORE UPDATE ON "market"."registration" FOR EACH ROW EXECUTE FUNCTION "market"."touch_updated_at"();
CREATE TRIGGER "touch_updated_at" BEFORE UPDATE ON "market"."annual_report" FOR EACH ROW EXECUTE FUNCTION "market"."touch_updated_at"();
CREATE TRIGGER "touch_updated_at" BEFORE UPDATE ON "market"."abnormal_operation" FOR EACH ROW EXECUTE FUNCTION "market"."touch_updated_at"();
CREATE TRIGGER "touch_updated_at" BEFORE UPDATE ON "market"."serious_illegal_listing" FOR EACH ROW EXECUTE FUNCTION "market"."touch_updated_at"();
CREATE TRIGGER "touch_updated_at" BEFORE UPDATE ON "tax"."credit_rating" FOR EACH ROW EXECUTE FUNCTION "tax"."touch_updated_at"();
CREATE TRIGGER "touch_updated_at" BEFORE UPDATE ON "tax"."major_violation" FOR EACH ROW EXECUTE FUNCTION "tax"."touch_updated_at"();
