"use server";
// Thin server actions over the order domain. Each one is reachable by a direct POST, so
// each goes through runAction (signed-in actor) and a domain function (scope, table, race).
import { revalidatePath } from "next/cache";
import { addMeToo, runOrderCommand } from "@/domain/orders/commands";
import { orderCommands, type OrderCommand } from "@/domain/orders/registry";
import { postedCommands } from "@/domain/workflow/table";
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

const posted: readonly string[] = postedCommands({ commands: orderCommands });

/**
 * One entry point for the commands on an order page: `command` names a row of the order
 * registry, whose form reader and schema take the rest of the form.
 */
export async function orderCommandAction(_previous: OrderActionState, form: FormData): Promise<OrderActionState> {
  if (!isFormInput(form)) return invalidCall();
  const orderId = text(form, "orderId");
  const command = text(form, "command");
  const result = await runAction(async (actor) => {
    if (!posted.includes(command)) throw new AppError("invalid_input", "invalidInput");
    const name = command as OrderCommand;
    const input = orderCommands[name].form?.({ text: (n) => text(form, n), list: (n) => list(form, n) }) ?? {};
    return runOrderCommand(actor, orderId, name, input);
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
