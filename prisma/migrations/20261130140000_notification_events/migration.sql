-- CreateTable
CREATE TABLE "NotificationEvent" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WeeklySummaryRun" (
    "partnerId" UUID NOT NULL,
    "week" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WeeklySummaryRun_pkey" PRIMARY KEY ("partnerId","week")
);

-- CreateIndex
CREATE INDEX "NotificationEvent_partnerId_kind_createdAt_idx" ON "NotificationEvent"("partnerId", "kind", "createdAt");
