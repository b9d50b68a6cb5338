-- CreateTable
CREATE TABLE "programme_settings" (
    "programme_id" TEXT NOT NULL,
    "sign_off_separation" BOOLEAN NOT NULL DEFAULT true,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "programme_settings_pkey" PRIMARY KEY ("programme_id")
);
