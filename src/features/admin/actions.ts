"use server";
// Thin server actions of the admin console. Each is reachable by a direct POST, so each
// goes through runAction (signed-in actor, errors translated) and a domain function that
// checks the administrator's scope itself. `intent` names the change.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createBuilding, setBuildingActive, updateBuilding } from "@/domain/admin/buildings";
import { createCategory, setUnratedCloseDays, updateCategory } from "@/domain/admin/categories";
import { setOneTimePasswordDays, type Slip } from "@/domain/admin/one-time-passwords";
import { changeOwnPassword } from "@/domain/admin/change-password";
import { createCourtyard, moveCourtyard, setCourtyardActive, updateCourtyard } from "@/domain/admin/courtyards";
import { createGrid, renameGrid, setGridActive } from "@/domain/admin/grids";
import { reissueOneTimePasswords } from "@/domain/admin/reissue";
import { addResidence, removeResidence } from "@/domain/admin/residences";
import { assignRole, removeRole } from "@/domain/admin/roles";
import { createCommunity, createStreet, renameCommunity, renameStreet, setCommunityActive, setStreetActive } from "@/domain/admin/streets";
import { createUser, renameUser, resetPassword, revealPhone, setUserDisabled } from "@/domain/admin/users";
import { homePath } from "@/features/workspaces/workspaces";
import { invalidCall, isFormInput, runAction } from "@/server/action";
import type { Actor } from "@/server/authz/permissions";
import { AppError } from "@/server/errors";
import type { AdminResult, AdminState } from "./action-types";
import { slipsFile } from "./slips-file";

type Work = (actor: Actor, form: Form) => Promise<AdminResult>;
type Form = { id: string; data: Record<string, string>; on: (name: string) => boolean };

function read(form: FormData): Form {
  const data: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && !key.startsWith("$")) data[key] = value;
  return { id: data.id ?? "", data, on: (name) => data[name] === "on" || data[name] === "true" };
}

async function dispatch(form: FormData, handlers: Record<string, Work>): Promise<AdminState> {
  if (!isFormInput(form)) return invalidCall();
  const intent = String(form.get("intent") ?? "");
  const handler = Object.hasOwn(handlers, intent) ? handlers[intent] : undefined;
  const result = await runAction(async (actor) => {
    if (!handler) throw new AppError("invalid_input", "invalidInput");
    return handler(actor, read(form));
  });
  if (result.ok) revalidatePath("/admin", "layout");
  return result;
}

const saved = { done: "saved" };
const slipsOf = async (slips: Slip[]) => ({ slips, slipsFile: await slipsFile(slips) });
const toggled = (active: boolean) => ({ done: active ? "reactivated" : "deactivated" });

const mapHandlers: Record<string, Work> = {
  "street.create": async (a, f) => (await createStreet(a, f.data), { done: "created" }),
  "street.rename": async (a, f) => (await renameStreet(a, f.id, f.data), saved),
  "street.toggle": async (a, f) => (await setStreetActive(a, f.id, f.on("active")), toggled(f.on("active"))),
  "community.create": async (a, f) => (await createCommunity(a, f.data), { done: "created" }),
  "community.rename": async (a, f) => (await renameCommunity(a, f.id, f.data), saved),
  "community.toggle": async (a, f) => (await setCommunityActive(a, f.id, f.on("active")), toggled(f.on("active"))),
  "grid.create": async (a, f) => (await createGrid(a, f.data), { done: "created" }),
  "grid.rename": async (a, f) => (await renameGrid(a, f.id, f.data), saved),
  "grid.toggle": async (a, f) => (await setGridActive(a, f.id, f.on("active")), toggled(f.on("active"))),
  "courtyard.create": async (a, f) => {
    const { id } = await createCourtyard(a, f.data);
    return { done: "courtyardCreated", params: { name: f.data.name?.trim() ?? "" }, id };
  },
  "courtyard.update": async (a, f) => (await updateCourtyard(a, f.id, f.data), saved),
  "courtyard.move": async (a, f) => {
    const { movedOrders } = await moveCourtyard(a, f.id, f.data);
    return { done: "courtyardMoved", params: { count: movedOrders } };
  },
  "courtyard.toggle": async (a, f) => (await setCourtyardActive(a, f.id, f.on("active")), toggled(f.on("active"))),
  "building.create": async (a, f) => (await createBuilding(a, f.data), { done: "buildingCreated", params: { number: f.data.number?.trim() ?? "" } }),
  "building.update": async (a, f) => (await updateBuilding(a, f.id, f.data), saved),
  "building.toggle": async (a, f) => (await setBuildingActive(a, f.id, f.on("active")), toggled(f.on("active"))),
};

export async function mapAction(_previous: AdminState, form: FormData): Promise<AdminState> {
  return dispatch(form, mapHandlers);
}

const categoryData = (f: Form) => ({ ...f.data, requiresDispatch: f.on("requiresDispatch"), active: f.on("active") });

export async function categoryAction(_previous: AdminState, form: FormData): Promise<AdminState> {
  return dispatch(form, {
    "category.create": async (a, f) => (await createCategory(a, categoryData(f)), { done: "created" }),
    "category.update": async (a, f) => (await updateCategory(a, f.id, categoryData(f)), saved),
    "setting.unratedCloseDays": async (a, f) => (await setUnratedCloseDays(a, f.data), saved),
    "setting.oneTimePasswordDays": async (a, f) => (await setOneTimePasswordDays(a, f.data), saved),
  });
}

export async function peopleAction(_previous: AdminState, form: FormData): Promise<AdminState> {
  return dispatch(form, {
    "user.create": async (a, f) => {
      const created = await createUser(a, f.data);
      return created.existing
        ? { done: "roleAddedToExisting", params: { name: created.maskedName }, id: created.userId }
        : { done: "userCreated", ...(await slipsOf([created.slip])), id: created.userId };
    },
    "user.rename": async (a, f) => (await renameUser(a, f.id, f.data), saved),
    "user.toggle": async (a, f) => {
      const disabled = !f.on("active");
      await setUserDisabled(a, f.id, disabled);
      return { done: disabled ? "userDisabled" : "userEnabled" };
    },
    "user.resetPassword": async (a, f) => ({ done: "passwordReset", ...(await slipsOf([(await resetPassword(a, f.id)).slip])) }),
    "user.reissueOneTimePasswords": async (a, f) => {
      const { slips } = await reissueOneTimePasswords(a, f.data);
      return slips.length ? { done: "oneTimeReissued", params: { count: slips.length }, ...(await slipsOf(slips)) } : { done: "oneTimeNoneWaiting" };
    },
    "user.revealPhone": async (a, f) => ({ done: "phoneRevealed", ...(await revealPhone(a, f.id)) }),
    "role.assign": async (a, f) => (await assignRole(a, f.id, f.data), { done: "roleAssigned" }),
    "role.remove": async (a, f) => (await removeRole(a, f.id), { done: "roleRemoved" }),
    "home.add": async (a, f) => (await addResidence(a, f.id, f.data), { done: "homeAdded" }),
    "home.remove": async (a, f) => (await removeResidence(a, f.id), { done: "homeRemoved" }),
  });
}

/** The signed-in person's own password; afterwards on to their workspace. */
export async function changePasswordAction(_previous: AdminState, form: FormData): Promise<AdminState> {
  if (!isFormInput(form)) return invalidCall();
  let destination: string | null = null;
  const result = await runAction(
    async (actor) => {
      await changeOwnPassword(actor, { current: form.get("current") ?? "", next: form.get("next") ?? "", confirm: form.get("confirm") ?? "" });
      destination = actor.mustChangePassword ? homePath(actor) : null;
      return { done: "passwordChanged" };
    },
    { allowPendingPasswordChange: true },
  );
  if (result.ok) revalidatePath("/", "layout");
  if (result.ok && destination) redirect(destination);
  return result;
}
