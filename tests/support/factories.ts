// Builders for integration tests: a small community map and people on it, with unique
// names so that test files can share one database.
import crypto from "node:crypto";
import type { Role } from "@/generated/prisma/enums";
import { hashPassword } from "@/server/auth/password";
import { db } from "@/server/db/client";

const tag = () => crypto.randomBytes(4).toString("hex");
// Consecutive numbers from a random start: random draws alone collide (2,500 of them share a
// number about once in 30 runs), and each test file's process starts somewhere else.
let lastPhone = crypto.randomInt(1e8);
export const uniquePhone = () => `177${String((lastPhone = (lastPhone + 1) % 1e8)).padStart(8, "0")}`;

/** Street → two communities; community A has grids A1 (courtyard a1) and A2 (a2); B has B1 (b1). */
export async function buildMap() {
  const t = tag();
  const street = await db.street.create({ data: { name: `测试街道${t}` } });
  const mk = async (name: string) => {
    const community = await db.community.create({ data: { name: `${name}社区${t}`, streetId: street.id } });
    return community;
  };
  const [A, B] = [await mk("甲"), await mk("乙")];
  const grid = (communityId: string, name: string) => db.grid.create({ data: { communityId, name } });
  const [A1, A2, B1] = [await grid(A.id, "第一网格"), await grid(A.id, "第二网格"), await grid(B.id, "第一网格")];
  const courtyard = (gridId: string, name: string) => db.courtyard.create({ data: { gridId, name, address: "测试路1号" } });
  const [a1, a2, b1] = [await courtyard(A1.id, "府河小区"), await courtyard(A2.id, "龙湖上城"), await courtyard(B1.id, "爱丁堡小区")];
  return { street, A, B, A1, A2, B1, a1, a2, b1 };
}

let sharedHash: Promise<string> | undefined;

export async function createUser(options: {
  password?: string;
  roles?: { role: Role; communityId?: string; gridId?: string; courtyardId?: string }[];
  disabled?: boolean;
}) {
  const hash = options.password ? hashPassword(options.password) : (sharedHash ??= hashPassword("Correct-Horse-1"));
  return db.user.create({
    data: {
      phone: uniquePhone(),
      name: "测试用户",
      passwordHash: await hash,
      disabledAt: options.disabled ? new Date() : null,
      roles: { create: options.roles ?? [] },
    },
  });
}

export const DEFAULT_PASSWORD = "Correct-Horse-1";

/** The actor of a user, as a request would load it (through a real session row). */
export async function actorOf(userId: string) {
  const { loadActor } = await import("@/server/auth/actor");
  const session = await db.userSession.create({ data: { userId, expiresAt: new Date(Date.now() + 3600_000) } });
  const actor = await loadActor(session.id);
  if (!actor) throw new Error("no actor");
  return actor;
}

/** A resident with a home in the courtyard, as an actor. */
export async function residentIn(courtyardId: string, name = "居民") {
  const user = await createUser({ roles: [{ role: "RESIDENT", courtyardId }] });
  await db.user.update({ where: { id: user.id }, data: { name } });
  await db.residence.create({ data: { userId: user.id, courtyardId, unit: "1单元", room: "302" } });
  return actorOf(user.id);
}

export async function actorWithRole(role: Role, scope: { communityId?: string; gridId?: string; courtyardId?: string }, name = "工作人员") {
  const user = await createUser({ roles: [{ role, ...scope }] });
  await db.user.update({ where: { id: user.id }, data: { name } });
  return actorOf(user.id);
}
