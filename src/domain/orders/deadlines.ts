// Time limits from the category: hours to accept, days to complete.
import { addDays, addHours } from "date-fns";
import type { OrderStatus } from "@/generated/prisma/enums";

export type Limits = { responseHours: number; resolutionDays: number };

export function deadlines(placedAt: Date, limits: Limits) {
  return {
    responseDueAt: addHours(placedAt, limits.responseHours),
    resolutionDueAt: addDays(placedAt, limits.resolutionDays),
  };
}

/** The deadline that matters in a status: response while placed, completion while handled. */
export function currentDueAt(
  status: OrderStatus,
  order: { responseDueAt: Date; resolutionDueAt: Date; planDueAt?: Date | null },
): Date {
  if (status === "PLACED") return order.responseDueAt;
  return order.planDueAt ?? order.resolutionDueAt;
}

export type Overdue = "response" | "resolution" | null;

/** Whether the order is late now: not yet accepted in time, or not yet completed in time. */
export function overdue(order: { status: OrderStatus; dueAt: Date }, now: Date): Overdue {
  if (now <= order.dueAt) return null;
  if (order.status === "PLACED") return "response";
  if (order.status === "ACCEPTED" || order.status === "IN_PROGRESS" || order.status === "REOPENED") return "resolution";
  return null;
}
