// The order's statuses and the groups the queues and the board ask about. Which command may
// move an order from which status to which is the registry (./registry.ts).
import type { OrderStatus } from "@/generated/prisma/enums";

export const orderStatuses = [
  "PLACED",
  "ACCEPTED",
  "IN_PROGRESS",
  "COMPLETED",
  "CLOSED",
  "DECLINED",
  "WITHDRAWN",
  "REOPENED",
] as const satisfies readonly OrderStatus[];

/** The statuses in which a public order is on the board (./board.ts): not declined or withdrawn. */
export const boardStatuses: readonly OrderStatus[] = ["PLACED", "ACCEPTED", "IN_PROGRESS", "COMPLETED", "CLOSED", "REOPENED"];

/** Statuses in which the order still waits on someone's work. */
export const openStatuses: readonly OrderStatus[] = ["PLACED", "ACCEPTED", "IN_PROGRESS", "REOPENED"];
export const isOpen = (status: OrderStatus) => openStatuses.includes(status);
