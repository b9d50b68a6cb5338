-- AlterTable
ALTER TABLE "programme" ADD COLUMN     "stopped_at" TIMESTAMPTZ(3),
ADD COLUMN     "stopped_reason" TEXT;

-- AlterTable
ALTER TABLE "action" ADD COLUMN     "stopped_at" TIMESTAMPTZ(3),
ADD COLUMN     "stopped_reason" TEXT;

-- AlterTable
ALTER TABLE "escalation" ADD COLUMN     "raised_late" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "lifecycle_record" ADD COLUMN     "stopped_at" TIMESTAMPTZ(3),
ADD COLUMN     "stopped_reason" TEXT;
