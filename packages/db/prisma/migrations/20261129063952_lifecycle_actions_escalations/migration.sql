-- CreateTable
CREATE TABLE "action" (
    "id" TEXT NOT NULL,
    "programme_id" TEXT NOT NULL,
    "workstream" TEXT,
    "title" TEXT NOT NULL,
    "owner_name" TEXT,
    "owner_email" TEXT,
    "due_on" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "rag" TEXT NOT NULL,
    "percent_complete" INTEGER NOT NULL DEFAULT 0,
    "ofsted_linked" BOOLEAN NOT NULL DEFAULT false,
    "last_update_on" TEXT,
    "state" JSONB NOT NULL,
    "state_version" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "escalation" (
    "id" TEXT NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "programme_id" TEXT,
    "subject_kind" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "subject_title" TEXT NOT NULL,
    "ladder_id" TEXT NOT NULL,
    "step_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "due_on" TEXT NOT NULL,
    "fire_at" TIMESTAMPTZ(3) NOT NULL,
    "fired_at" TIMESTAMPTZ(3) NOT NULL,
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "escalation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lifecycle_record" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "programme_id" TEXT,
    "ons_code" TEXT,
    "title" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "due_on" TEXT,
    "state" JSONB NOT NULL,
    "state_version" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "lifecycle_record_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "action_programme_id_idx" ON "action"("programme_id");

-- CreateIndex
CREATE INDEX "action_due_on_idx" ON "action"("due_on");

-- CreateIndex
CREATE INDEX "action_rag_idx" ON "action"("rag");

-- CreateIndex
CREATE INDEX "action_status_idx" ON "action"("status");

-- CreateIndex
CREATE INDEX "escalation_workflow_id_idx" ON "escalation"("workflow_id");

-- CreateIndex
CREATE INDEX "escalation_programme_id_idx" ON "escalation"("programme_id");

-- CreateIndex
CREATE INDEX "escalation_acknowledged_at_idx" ON "escalation"("acknowledged_at");

-- CreateIndex
CREATE INDEX "lifecycle_record_kind_programme_id_idx" ON "lifecycle_record"("kind", "programme_id");

-- CreateIndex
CREATE INDEX "lifecycle_record_due_on_idx" ON "lifecycle_record"("due_on");
