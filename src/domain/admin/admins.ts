// The portal must never be left without a way in: at least one enabled global
// administrator remains. Checked under an advisory lock inside the writing transaction, so
// that two administrators removing each other at the same moment cannot both succeed.
import { AppError } from "@/server/errors";
import type { Tx } from "./audit";

const ADMINS_LOCK = 4_104_011; // any constant shared by every writer of global ADMIN roles

export async function lockAdmins(tx: Tx) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMINS_LOCK})`;
}

/** Refuses when no enabled global administrator would remain apart from what is being removed. */
export async function assertAnotherGlobalAdmin(tx: Tx, removing: { assignmentId?: string; userId?: string }) {
  await lockAdmins(tx);
  const others = await tx.roleAssignment.count({
    where: {
      role: "ADMIN",
      communityId: null,
      ...(removing.assignmentId ? { id: { not: removing.assignmentId } } : {}),
      user: { disabledAt: null, ...(removing.userId ? { id: { not: removing.userId } } : {}) },
    },
  });
  if (others === 0) throw new AppError("conflict", "admin.lastAdmin");
}
