-- AlterTable
ALTER TABLE "command_receipt" ADD COLUMN     "completed_at" TIMESTAMPTZ(3),
ADD COLUMN     "fingerprint" TEXT,
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'done',
ALTER COLUMN "result_json" DROP NOT NULL;

-- CreateTable
CREATE TABLE "sign_in_throttle" (
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "window_started_at" TIMESTAMPTZ(3) NOT NULL,
    "locked_until" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sign_in_throttle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "sign_in_throttle_locked_until_idx" ON "sign_in_throttle"("locked_until");
