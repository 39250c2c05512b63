-- Every status change tells the requesters of the orders merged into the changed one
-- (src/domain/orders/process.ts, followersOf). Without an index that lookup read the whole
-- Order table: 0.6 s a command on a city of a million orders (docs/performance.md).

-- CreateIndex
CREATE INDEX "Order_mergedIntoId_idx" ON "Order"("mergedIntoId");
