-- The clocks of the three rates (docs/metrics.md), kept on the order by its single writer.

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "firstCompletedAt" TIMESTAMP(3),
ADD COLUMN     "respondedAt" TIMESTAMP(3),
ADD COLUMN     "satisfied" BOOLEAN;

-- AlterTable: add, fill from the four scores, then require
ALTER TABLE "OrderRating" ADD COLUMN     "minScore" INTEGER;
UPDATE "OrderRating" SET "minScore" = LEAST("goal", "timing", "form", "conduct");
ALTER TABLE "OrderRating" ALTER COLUMN "minScore" SET NOT NULL;

-- CreateIndex
CREATE INDEX "OrderRating_minScore_createdAt_idx" ON "OrderRating"("minScore", "createdAt");

-- CreateIndex
CREATE INDEX "Order_communityId_createdAt_idx" ON "Order"("communityId", "createdAt");
