-- CreateTable
CREATE TABLE "kpi" (
    "id" TEXT NOT NULL,
    "programme_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "target" DOUBLE PRECISION NOT NULL,
    "amber_band" DOUBLE PRECISION NOT NULL,
    "red_band" DOUBLE PRECISION NOT NULL,
    "period" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "kpi_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kpi_reading" (
    "id" TEXT NOT NULL,
    "kpi_id" TEXT NOT NULL,
    "period_end" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "note" TEXT,
    "recorded_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "kpi_reading_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "risk" (
    "id" TEXT NOT NULL,
    "programme_id" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "before_likelihood" INTEGER NOT NULL,
    "before_impact" INTEGER NOT NULL,
    "after_likelihood" INTEGER NOT NULL,
    "after_impact" INTEGER NOT NULL,
    "before_score" INTEGER NOT NULL,
    "after_score" INTEGER NOT NULL,
    "previous_score" INTEGER,
    "threshold" INTEGER NOT NULL,
    "mitigation" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "risk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workstream" (
    "id" TEXT NOT NULL,
    "programme_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "lead_name" TEXT NOT NULL,
    "lead_email" TEXT,
    "phase" TEXT NOT NULL,
    "priority_number" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "workstream_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recommendation" (
    "id" TEXT NOT NULL,
    "programme_id" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "judgement_area" TEXT NOT NULL,
    "source_inspection_id" TEXT NOT NULL,
    "priority_action" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "recommendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "saved_view" (
    "id" TEXT NOT NULL,
    "owner_user_id" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "saved_view_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "kpi_programme_id_key_key" ON "kpi"("programme_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "kpi_reading_kpi_id_period_end_key" ON "kpi_reading"("kpi_id", "period_end");

-- CreateIndex
CREATE INDEX "risk_programme_id_after_score_idx" ON "risk"("programme_id", "after_score");

-- CreateIndex
CREATE UNIQUE INDEX "risk_programme_id_ref_key" ON "risk"("programme_id", "ref");

-- CreateIndex
CREATE UNIQUE INDEX "workstream_programme_id_key_key" ON "workstream"("programme_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "recommendation_programme_id_ref_key" ON "recommendation"("programme_id", "ref");

-- CreateIndex
CREATE INDEX "saved_view_resource_shared_idx" ON "saved_view"("resource", "shared");

-- CreateIndex
CREATE UNIQUE INDEX "saved_view_owner_user_id_resource_name_key" ON "saved_view"("owner_user_id", "resource", "name");

-- AddForeignKey
ALTER TABLE "kpi_reading" ADD CONSTRAINT "kpi_reading_kpi_id_fkey" FOREIGN KEY ("kpi_id") REFERENCES "kpi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_view" ADD CONSTRAINT "saved_view_owner_user_id_fkey" FOREIGN KEY ("owner_user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
