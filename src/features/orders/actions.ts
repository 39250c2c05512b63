"use server";
// Thin server actions over the order domain. Each one is reachable by a direct POST, so
// each goes through runAction (signed-in actor) and a domain function (scope, table, race).
import { revalidatePath } from "next/cache";
import {
  acceptOrder,
  addInformation,
  addMeToo,
  closeAfterFollowUp,
  completeOrder,
  declineOrder,
  dispatchOrder,
  mergeOrder,
  rateOrder,
  recordFollowUp,
  recordProgress,
  requestMeeting,
  sendBackToGrid,
  transferOrder,
  withdrawOrder,
} from "@/domain/orders/commands";
import { hideFromBoard, restoreToBoard } from "@/domain/orders/board";
import { placeOrder } from "@/domain/orders/place-order";
import { searchVolunteers, type VolunteerOption } from "@/domain/orders/volunteers";
import { invalidCall, isFormInput, runAction, type ActionResult } from "@/server/action";
import { AppError } from "@/server/errors";

const text = (form: FormData, name: string) => String(form.get(name) ?? "");
const list = (form: FormData, name: string) => form.getAll(name).map(String).filter(Boolean);

function refresh(orderId?: string) {
  if (orderId) revalidatePath(`/orders/${orderId}`);
  revalidatePath("/", "layout");
}

export type PlaceOrderState = ActionResult<{ id: string; number: number }> | null;

export async function placeOrderAction(_previous: PlaceOrderState, form: FormData): Promise<PlaceOrderState> {
  if (!isFormInput(form)) return invalidCall();
  const result = await runAction((actor) =>
    placeOrder(actor, {
      categoryId: text(form, "categoryId"),
      title: text(form, "title"),
      description: text(form, "description"),
      isPublic: form.get("isPublic") === "on" || form.get("isPublic") === "true",
      contactPreference: (text(form, "contactPreference") || "IN_APP") as "PHONE" | "IN_APP" | "VISIT",
      photoIds: list(form, "photoIds"),
      idempotencyKey: text(form, "idempotencyKey"),
      requesterId: text(form, "requesterId") || undefined,
    }),
  );
  if (result.ok) refresh();
  return result.ok ? { ok: true, data: { id: result.data.id, number: result.data.number } } : result;
}

export type OrderActionState = ActionResult<{ status: string }> | null;

/** One entry point for the commands on an order page; `command` picks the domain function. */
export async function orderCommandAction(_previous: OrderActionState, form: FormData): Promise<OrderActionState> {
  if (!isFormInput(form)) return invalidCall();
  const orderId = text(form, "orderId");
  const command = text(form, "command");
  const note = text(form, "note");
  const photoIds = list(form, "photoIds");
  const result = await runAction(async (actor) => {
    switch (command) {
      case "accept":
        return acceptOrder(actor, orderId);
      case "decline":
        return declineOrder(actor, orderId, { note });
      case "transfer":
        return transferOrder(actor, orderId, { gridId: text(form, "gridId"), note });
      case "merge":
        return mergeOrder(actor, orderId, { targetNumber: text(form, "targetNumber"), note });
      case "withdraw":
        return withdrawOrder(actor, orderId, { note });
      case "addInfo":
        return addInformation(actor, orderId, { note, photoIds });
      case "dispatch": {
        const assignees = [
          ...list(form, "workerIds").map((userId) => ({ kind: "GRID_WORKER" as const, userId })),
          ...list(form, "volunteerIds").map((userId) => ({ kind: "VOLUNTEER" as const, userId })),
          ...list(form, "outsideNames").map((name) => ({ kind: "OUTSIDE" as const, name })),
        ];
        return dispatchOrder(actor, orderId, { plan: text(form, "plan"), assignees, dueAt: text(form, "dueAt") });
      }
      case "requestMeeting":
        return requestMeeting(actor, orderId, { note });
      case "progress":
        return recordProgress(actor, orderId, { note, photoIds });
      case "complete":
        return completeOrder(actor, orderId, { note, photoIds });
      case "rate":
      case "rateAsNeighbour":
        return rateOrder(actor, orderId, {
          goal: text(form, "goal"),
          timing: text(form, "timing"),
          form: text(form, "form"),
          conduct: text(form, "conduct"),
          comment: text(form, "comment"),
        });
      case "followUp":
        return recordFollowUp(actor, orderId, { note });
      case "close":
        return closeAfterFollowUp(actor, orderId, { note });
      case "sendBack":
        return sendBackToGrid(actor, orderId, { note });
      case "hideFromBoard":
        return hideFromBoard(actor, orderId, { note });
      case "restoreToBoard":
        return restoreToBoard(actor, orderId, { note });
      default:
        throw new AppError("invalid_input", "invalidInput");
    }
  });
  if (result.ok) refresh(orderId);
  return result.ok ? { ok: true, data: { status: result.data.status } } : result;
}

export type VolunteerSearchState = ActionResult<VolunteerOption[]>;

/** 下单's volunteer picker: the community's volunteers by name (throttled, tells no one). */
export async function searchVolunteersAction(form: FormData, ...extra: unknown[]): Promise<VolunteerSearchState> {
  // The picker sends one form; anything else is a call no page of ours makes.
  if (!isFormInput(form) || extra.length > 0) return invalidCall();
  return runAction((actor) => searchVolunteers(actor, text(form, "orderId"), text(form, "query")));
}

export async function meTooAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult | null> {
  if (!isFormInput(form)) return invalidCall();
  const orderId = text(form, "orderId");
  const result = await runAction((actor) => addMeToo(actor, orderId));
  if (result.ok) refresh(orderId);
  return result.ok ? { ok: true, data: undefined } : result;
}
