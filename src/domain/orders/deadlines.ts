// Time limits from the category (hours to accept, days to complete) and the one rule for
// Order.dueAt, the deadline that matters now, which every step that moves the clock asks.
import { addDays, addHours } from "date-fns";
import type { OrderStatus } from "@/generated/prisma/enums";

export type Limits = { responseHours: number; resolutionDays: number };

/** Days staff have to follow up a poor rating (local rules: 5–15 working days). */
export const FOLLOW_UP_DAYS = 5;

export function deadlines(placedAt: Date, limits: Limits) {
  return {
    responseDueAt: addHours(placedAt, limits.responseHours),
    resolutionDueAt: addDays(placedAt, limits.resolutionDays),
  };
}

/** The steps that set a new deadline; every other step leaves dueAt as it is. */
export type Clock = { step: "placed" } | { step: "accepted" } | { step: "dispatched"; planDueAt: Date } | { step: "reopened" } | { step: "sentBack" };

/**
 * The deadline that matters after a step: the response limit while placed, the resolution
 * limit once accepted, the dispatch plan's date once planned, the follow-up limit after a
 * poor rating, and a fresh resolution limit when staff send the order back to the grid.
 */
export function dueAfter(clock: Clock, order: { responseDueAt: Date; resolutionDueAt: Date; resolutionDays: number }, now: Date): Date {
  switch (clock.step) {
    case "placed":
      return order.responseDueAt;
    case "accepted":
      return order.resolutionDueAt;
    case "dispatched":
      return clock.planDueAt;
    case "reopened":
      return addDays(now, FOLLOW_UP_DAYS);
    case "sentBack":
      return addDays(now, order.resolutionDays);
  }
}

export type Overdue = "response" | "resolution" | null;

/** Whether the order is late now: not yet accepted in time, or not yet completed in time. */
export function overdue(order: { status: OrderStatus; dueAt: Date }, now: Date): Overdue {
  if (now <= order.dueAt) return null;
  if (order.status === "PLACED") return "response";
  if (order.status === "ACCEPTED" || order.status === "IN_PROGRESS" || order.status === "REOPENED") return "resolution";
  return null;
}
