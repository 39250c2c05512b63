// Streets (街道) and communities (社区): the top of the map, configured by a global
// administrator. Renaming keeps history; deactivating needs the level below emptied first.
import { assertCan } from "@/server/authz/scope";
import type { Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { AppError, notFoundError } from "@/server/errors";
import { changes, recordAudit } from "./audit";
import { assertNameFree, inactiveParent, staleRecord, uniquely } from "./load";
import { communityInput, streetInput } from "./schemas";

export async function createStreet(actor: Actor, input: unknown) {
  assertCan(actor, "streets.configure");
  const { name } = streetInput.parse(input);
  assertNameFree(await db.street.findUnique({ where: { name } }), "admin.streetNameTaken", { name });
  return uniquely("admin.streetNameTaken", { name }, () =>
    db.$transaction(async (tx) => {
      const street = await tx.street.create({ data: { name } });
      await recordAudit(tx, actor, { action: "street.create", entityType: "street", entityId: street.id, communityId: null, after: { name } });
      return { id: street.id };
    }),
  );
}

export async function renameStreet(actor: Actor, id: string, input: unknown) {
  assertCan(actor, "streets.configure");
  const { name } = streetInput.parse(input);
  const street = await db.street.findUnique({ where: { id } });
  if (!street) throw notFoundError();
  const diff = changes({ name: street.name }, { name });
  if (!diff.changed) return { id };
  assertNameFree(await db.street.findFirst({ where: { name, id: { not: id } } }), "admin.streetNameTaken", { name });
  await uniquely("admin.streetNameTaken", { name }, () =>
    db.$transaction(async (tx) => {
      await tx.street.update({ where: { id }, data: { name } });
      await recordAudit(tx, actor, { action: "street.update", entityType: "street", entityId: id, communityId: null, ...diff });
    }),
  );
  return { id };
}

export async function setStreetActive(actor: Actor, id: string, active: boolean) {
  assertCan(actor, "streets.configure");
  const street = await db.street.findUnique({ where: { id } });
  if (!street) throw notFoundError();
  if (street.active === active) return { id };
  await db.$transaction(async (tx) => {
    const { count } = await tx.street.updateMany({
      where: { id, active: !active, ...(active ? {} : { communities: { none: { active: true } } }) },
      data: { active },
    });
    if (count === 0) {
      if (!active && (await tx.community.count({ where: { streetId: id, active: true } })) > 0) {
        throw new AppError("conflict", "admin.streetHasActiveCommunities");
      }
      throw staleRecord();
    }
    await recordAudit(tx, actor, {
      action: active ? "street.reactivate" : "street.deactivate",
      entityType: "street",
      entityId: id,
      communityId: null,
      before: { name: street.name, active: !active },
      after: { name: street.name, active },
    });
  });
  return { id };
}

export async function createCommunity(actor: Actor, input: unknown) {
  assertCan(actor, "communities.configure");
  const { streetId, name } = communityInput.parse(input);
  const street = await db.street.findUnique({ where: { id: streetId } });
  if (!street) throw notFoundError();
  if (!street.active) throw inactiveParent();
  const params = { name, parent: street.name };
  assertNameFree(await db.community.findFirst({ where: { streetId, name } }), "admin.communityNameTaken", params);
  return uniquely("admin.communityNameTaken", params, () =>
    db.$transaction(async (tx) => {
      const community = await tx.community.create({ data: { streetId, name } });
      await recordAudit(tx, actor, {
        action: "community.create",
        entityType: "community",
        entityId: community.id,
        communityId: community.id,
        after: { name, street: street.name },
      });
      return { id: community.id };
    }),
  );
}

export async function renameCommunity(actor: Actor, id: string, input: unknown) {
  assertCan(actor, "communities.configure");
  const { name } = streetInput.parse(input);
  const community = await db.community.findUnique({ where: { id }, include: { street: true } });
  if (!community) throw notFoundError();
  const diff = changes({ name: community.name }, { name });
  if (!diff.changed) return { id };
  const params = { name, parent: community.street.name };
  assertNameFree(await db.community.findFirst({ where: { streetId: community.streetId, name, id: { not: id } } }), "admin.communityNameTaken", params);
  await uniquely("admin.communityNameTaken", params, () =>
    db.$transaction(async (tx) => {
      await tx.community.update({ where: { id }, data: { name } });
      await recordAudit(tx, actor, { action: "community.update", entityType: "community", entityId: id, communityId: id, ...diff });
    }),
  );
  return { id };
}

export async function setCommunityActive(actor: Actor, id: string, active: boolean) {
  assertCan(actor, "communities.configure");
  const community = await db.community.findUnique({ where: { id }, include: { street: true } });
  if (!community) throw notFoundError();
  if (community.active === active) return { id };
  if (active && !community.street.active) throw inactiveParent();
  await db.$transaction(async (tx) => {
    const { count } = await tx.community.updateMany({
      where: { id, active: !active, ...(active ? {} : { grids: { none: { active: true } } }) },
      data: { active },
    });
    if (count === 0) {
      if (!active && (await tx.grid.count({ where: { communityId: id, active: true } })) > 0) {
        throw new AppError("conflict", "admin.communityHasActiveGrids");
      }
      throw staleRecord();
    }
    await recordAudit(tx, actor, {
      action: active ? "community.reactivate" : "community.deactivate",
      entityType: "community",
      entityId: id,
      communityId: id,
      before: { name: community.name, active: !active },
      after: { name: community.name, active },
    });
  });
  return { id };
}
