-- One-time passwords issued by an administrator expire (docs/decisions/020-one-time-passwords.md).
-- Accounts still waiting on a temporary password from before (an import shared one across its
-- file) get the default 14 days from now: no one is locked out at once, and the shared secret
-- stops working then; an administrator can issue each a password of their own before that.

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "passwordExpiresAt" TIMESTAMP(3);

UPDATE "User" SET "passwordExpiresAt" = (now() AT TIME ZONE 'UTC') + interval '14 days' WHERE "mustChangePassword";
