-- The staff overview reads every column it aggregates from one index, without visiting the
-- table (docs/decisions/014-metrics-covering-index.md, docs/performance.md). The index it
-- replaces is its prefix.

-- DropIndex
DROP INDEX "Order_communityId_createdAt_idx";

-- CreateIndex
CREATE INDEX "Order_metrics_covering_idx" ON "Order"("communityId", "createdAt", "gridId", "courtyardId", "categoryId", "status", "closeReason", "satisfied", "respondedAt", "responseDueAt", "acceptedAt", "firstCompletedAt", "resolutionDueAt", "closedAt", "id");
