-- AlterTable
ALTER TABLE "local_authority" ADD COLUMN     "succeeded_on" TEXT,
ADD COLUMN     "successor_id" TEXT;

-- CreateIndex
CREATE INDEX "local_authority_successor_id_idx" ON "local_authority"("successor_id");

-- AddForeignKey
ALTER TABLE "local_authority" ADD CONSTRAINT "local_authority_successor_id_fkey" FOREIGN KEY ("successor_id") REFERENCES "local_authority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
