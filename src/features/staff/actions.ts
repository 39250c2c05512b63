"use server";
// 显示号码: the one action that hands staff a resident's full number, logged in the same
// transaction (src/domain/metrics/reveal.ts). Reachable by a direct POST, so it checks again.
import { z } from "zod";
import { revealRequesterPhone } from "@/domain/metrics/reveal";
import { runAction, type ActionResult } from "@/server/action";

const input = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((id) => !id.includes("\u0000"));

export async function revealPhoneAction(orderId: string): Promise<ActionResult<{ phone: string }>> {
  // A direct POST may send any value React encodes, also a proxy that throws when inspected.
  return runAction((actor) => revealRequesterPhone(actor, input.parse(typeof orderId === "string" ? orderId : null)));
}
