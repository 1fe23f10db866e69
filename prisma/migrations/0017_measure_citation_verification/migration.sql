-- AlterTable
ALTER TABLE "evaluation"."measure" ADD COLUMN     "basis_note" TEXT,
ADD COLUMN     "basis_sources" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "basis_verification" VARCHAR(16) NOT NULL DEFAULT 'TO_VERIFY';

