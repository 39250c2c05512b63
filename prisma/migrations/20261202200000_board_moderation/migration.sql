-- Staff may take a public order off the courtyard's board with a reason, and restore it:
-- two timeline event types and the column the board filters on.

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "OrderEventType" ADD VALUE 'BOARD_HIDDEN';
ALTER TYPE "OrderEventType" ADD VALUE 'BOARD_RESTORED';

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "boardHiddenAt" TIMESTAMP(3);
