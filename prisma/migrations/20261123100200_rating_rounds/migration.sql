-- A rating belongs to one completion of an order: after a poorly rated order is sent back
-- and completed again, its requester rates the new result.

-- DropIndex
DROP INDEX "OrderRating_orderId_raterId_key";

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "completions" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "OrderRating" ADD COLUMN     "round" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE UNIQUE INDEX "OrderRating_orderId_raterId_round_key" ON "OrderRating"("orderId", "raterId", "round");
