"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/server/db/client";
import { isFormInput, runAction } from "@/server/action";

/** Marks the signed-in person's notifications read (all of them, or one). */
export async function markNotificationsReadAction(form: FormData) {
  if (!isFormInput(form)) return;
  const id = String(form.get("id") ?? "");
  await runAction(async (actor) => {
    await db.notification.updateMany({ where: { userId: actor.userId, readAt: null, ...(id ? { id } : {}) }, data: { readAt: new Date() } });
  });
  revalidatePath("/", "layout");
}
