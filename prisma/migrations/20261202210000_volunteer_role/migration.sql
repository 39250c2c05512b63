-- 志愿者: a role registered with a community, which a branch secretary may assign in a
-- dispatch (docs/decisions/024-volunteers-in-dispatch.md).

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'VOLUNTEER';
