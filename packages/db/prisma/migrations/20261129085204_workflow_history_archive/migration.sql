-- CreateTable
CREATE TABLE "workflow_history_archive" (
    "id" TEXT NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "workflow_type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_at" TIMESTAMPTZ(3) NOT NULL,
    "event_count" INTEGER NOT NULL,
    "history" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "archived_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workflow_history_archive_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "history_verification" (
    "id" TEXT NOT NULL,
    "requested_by" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "mismatches" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "history_verification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "workflow_history_archive_workflow_type_idx" ON "workflow_history_archive"("workflow_type");

-- CreateIndex
CREATE INDEX "workflow_history_archive_closed_at_idx" ON "workflow_history_archive"("closed_at");

-- CreateIndex
CREATE UNIQUE INDEX "workflow_history_archive_workflow_id_run_id_key" ON "workflow_history_archive"("workflow_id", "run_id");

-- CreateIndex
CREATE INDEX "history_verification_started_at_idx" ON "history_verification"("started_at");
