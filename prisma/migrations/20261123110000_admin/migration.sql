-- The admin console: audit entries carry the community they belong to, so that a
-- community's administrator can browse its own log; category names are unique.

-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "communityId" TEXT;

-- CreateIndex
CREATE INDEX "AuditLog_communityId_createdAt_idx" ON "AuditLog"("communityId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OrderCategory_nameZh_key" ON "OrderCategory"("nameZh");
