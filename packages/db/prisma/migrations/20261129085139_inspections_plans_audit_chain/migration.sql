-- AlterTable
ALTER TABLE "audit_event" ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prev_hash" TEXT;

-- CreateTable
CREATE TABLE "inspection" (
    "id" TEXT NOT NULL,
    "programme_id" TEXT NOT NULL,
    "authority_id" TEXT NOT NULL,
    "cycle" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "overall_effectiveness" TEXT NOT NULL,
    "judgements" JSONB NOT NULL,
    "fieldwork_started_on" TEXT NOT NULL,
    "fieldwork_ended_on" TEXT NOT NULL,
    "report_received_on" TEXT NOT NULL,
    "lead_inspector" TEXT,
    "state_version" INTEGER NOT NULL,

    CONSTRAINT "inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "action_plan" (
    "id" TEXT NOT NULL,
    "programme_id" TEXT NOT NULL,
    "authority_id" TEXT NOT NULL,
    "cycle" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "due_on" TEXT,
    "due_at" TIMESTAMPTZ(3),
    "submitted_on" TEXT,
    "response_outcome" TEXT,
    "response_letter_on" TEXT,
    "response_comments" TEXT,
    "state_version" INTEGER NOT NULL,

    CONSTRAINT "action_plan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "inspection_programme_id_idx" ON "inspection"("programme_id");

-- CreateIndex
CREATE INDEX "inspection_authority_id_idx" ON "inspection"("authority_id");

-- CreateIndex
CREATE INDEX "inspection_report_received_on_idx" ON "inspection"("report_received_on");

-- CreateIndex
CREATE INDEX "action_plan_due_on_idx" ON "action_plan"("due_on");

-- CreateIndex
CREATE UNIQUE INDEX "action_plan_programme_id_cycle_key" ON "action_plan"("programme_id", "cycle");

-- CreateIndex
CREATE UNIQUE INDEX "audit_event_hash_key" ON "audit_event"("hash");
