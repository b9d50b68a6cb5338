-- CreateTable
CREATE TABLE "programme_person" (
    "id" TEXT NOT NULL,
    "programme_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "workstream" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "programme_person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery_preference" (
    "email" TEXT NOT NULL,
    "reminders" TEXT NOT NULL,
    "escalations" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "delivery_preference_pkey" PRIMARY KEY ("email")
);

-- CreateTable
CREATE TABLE "email_delivery" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "escalation_id" TEXT,
    "digest_id" TEXT,
    "programme_id" TEXT,
    "subject_kind" TEXT,
    "subject_id" TEXT,
    "recipient_email" TEXT NOT NULL,
    "recipient_name" TEXT NOT NULL,
    "recipient_role" TEXT NOT NULL,
    "note" TEXT,
    "mode" TEXT NOT NULL,
    "mode_reason" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "message_id" TEXT,
    "subject" TEXT,
    "text_body" TEXT,
    "html_body" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lease_until" TIMESTAMPTZ(3),
    "last_attempt_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "server_response" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "email_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_delivery_attempt" (
    "id" BIGSERIAL NOT NULL,
    "delivery_id" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),
    "outcome" TEXT,
    "response" TEXT,

    CONSTRAINT "email_delivery_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "programme_person_email_idx" ON "programme_person"("email");

-- CreateIndex
CREATE UNIQUE INDEX "programme_person_programme_id_role_workstream_email_key" ON "programme_person"("programme_id", "role", "workstream", "email");

-- CreateIndex
CREATE UNIQUE INDEX "email_delivery_message_id_key" ON "email_delivery"("message_id");

-- CreateIndex
CREATE INDEX "email_delivery_escalation_id_idx" ON "email_delivery"("escalation_id");

-- CreateIndex
CREATE INDEX "email_delivery_status_created_at_idx" ON "email_delivery"("status", "created_at");

-- CreateIndex
CREATE INDEX "email_delivery_digest_id_idx" ON "email_delivery"("digest_id");

-- CreateIndex
CREATE INDEX "email_delivery_subject_id_idx" ON "email_delivery"("subject_id");

-- CreateIndex
CREATE INDEX "email_delivery_programme_id_idx" ON "email_delivery"("programme_id");

-- CreateIndex
CREATE INDEX "email_delivery_recipient_email_idx" ON "email_delivery"("recipient_email");

-- CreateIndex
CREATE UNIQUE INDEX "email_delivery_attempt_delivery_id_attempt_key" ON "email_delivery_attempt"("delivery_id", "attempt");
