-- CreateIndex
CREATE INDEX "action_programme_id_due_on_id_idx" ON "action"("programme_id", "due_on", "id");

-- CreateIndex
CREATE INDEX "action_programme_id_status_due_on_id_idx" ON "action"("programme_id", "status", "due_on", "id");
