-- Each rating carries where its order stood when it was rated, so the ratings review reads
-- one index instead of joining every rating to its order
-- (docs/decisions/019-rating-location.md). Existing ratings take their order's location.

-- AlterTable
ALTER TABLE "OrderRating" ADD COLUMN     "categoryId" TEXT,
ADD COLUMN     "communityId" TEXT,
ADD COLUMN     "courtyardId" TEXT,
ADD COLUMN     "gridId" TEXT;

UPDATE "OrderRating" r
   SET "communityId" = o."communityId", "gridId" = o."gridId", "courtyardId" = o."courtyardId", "categoryId" = o."categoryId"
  FROM "Order" o
 WHERE o."id" = r."orderId";

ALTER TABLE "OrderRating" ALTER COLUMN "categoryId" SET NOT NULL,
ALTER COLUMN "communityId" SET NOT NULL,
ALTER COLUMN "courtyardId" SET NOT NULL,
ALTER COLUMN "gridId" SET NOT NULL;

-- DropIndex
DROP INDEX "OrderRating_minScore_createdAt_idx";

-- CreateIndex
CREATE INDEX "OrderRating_review_idx" ON "OrderRating"("communityId", "minScore", "createdAt" DESC, "id", "gridId", "courtyardId", "categoryId", "isRequester", "goal", "timing", "form", "conduct");

-- AddForeignKey
ALTER TABLE "OrderRating" ADD CONSTRAINT "OrderRating_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderRating" ADD CONSTRAINT "OrderRating_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderRating" ADD CONSTRAINT "OrderRating_courtyardId_fkey" FOREIGN KEY ("courtyardId") REFERENCES "Courtyard"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderRating" ADD CONSTRAINT "OrderRating_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "OrderCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
