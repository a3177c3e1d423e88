-- API keys with permissions and expiry, the API actor on audit events,
-- idempotency records, and the partner profile (decision 0018).

-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN "permissions" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "expiresAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "actorApiKeyId" UUID,
ADD COLUMN "actorLabel" TEXT;

-- AlterTable
ALTER TABLE "Partner" ADD COLUMN "contactEmail" TEXT,
ADD COLUMN "phone" TEXT;

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "apiKeyId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("apiKeyId","key")
);

-- CreateIndex
CREATE INDEX "IdempotencyRecord_createdAt_idx" ON "IdempotencyRecord"("createdAt");
