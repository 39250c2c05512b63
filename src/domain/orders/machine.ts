// The order's state machine: which command may move an order from which status to which.
// Pure: no I/O. The service (./run-command.ts) is the only writer of Order.status and asks
// this table before every change.
import type { OrderEventType, OrderStatus } from "@/generated/prisma/enums";

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

export type OrderCommand =
  | "accept"
  | "decline"
  | "transfer"
  | "merge"
  | "withdraw"
  | "addInfo"
  | "dispatch"
  | "requestMeeting"
  | "progress"
  | "complete"
  | "rate"
  | "rateAsNeighbour"
  | "followUp"
  | "close"
  | "sendBack"
  | "autoClose"
  | "hideFromBoard"
  | "restoreToBoard";

/** Facts a transition's target depends on. */
export type TransitionContext = {
  /** The category needs the branch's dispatch after acceptance. */
  requiresDispatch?: boolean;
  /** A rating with any dimension at 2 or below. */
  poorRating?: boolean;
};

type Rule = {
  from: readonly OrderStatus[];
  to: (from: OrderStatus, ctx: TransitionContext) => OrderStatus;
  event: OrderEventType;
};

const stay = (from: OrderStatus) => from;
/** The statuses in which a public order is on the board (./board.ts): not declined or withdrawn. */
export const boardStatuses: readonly OrderStatus[] = ["PLACED", "ACCEPTED", "IN_PROGRESS", "COMPLETED", "CLOSED", "REOPENED"];

export const transitions: Record<OrderCommand, Rule> = {
  accept: { from: ["PLACED"], to: (_, c) => (c.requiresDispatch === false ? "IN_PROGRESS" : "ACCEPTED"), event: "ACCEPTED" },
  decline: { from: ["PLACED"], to: () => "DECLINED", event: "DECLINED" },
  transfer: { from: ["PLACED"], to: stay, event: "TRANSFERRED" },
  merge: { from: ["PLACED"], to: () => "CLOSED", event: "MERGED" },
  withdraw: { from: ["PLACED"], to: () => "WITHDRAWN", event: "WITHDRAWN" },
  addInfo: { from: ["PLACED", "ACCEPTED", "IN_PROGRESS", "REOPENED"], to: stay, event: "INFO_ADDED" },
  dispatch: { from: ["ACCEPTED", "IN_PROGRESS"], to: () => "IN_PROGRESS", event: "DISPATCHED" },
  requestMeeting: { from: ["ACCEPTED"], to: stay, event: "MEETING_REQUESTED" },
  progress: { from: ["IN_PROGRESS"], to: stay, event: "PROGRESS" },
  complete: { from: ["IN_PROGRESS"], to: () => "COMPLETED", event: "COMPLETED" },
  rate: { from: ["COMPLETED"], to: (_, c) => (c.poorRating ? "REOPENED" : "CLOSED"), event: "RATED" },
  rateAsNeighbour: { from: ["COMPLETED", "CLOSED", "REOPENED"], to: stay, event: "RATED" },
  followUp: { from: ["REOPENED"], to: stay, event: "FOLLOWED_UP" },
  close: { from: ["REOPENED"], to: () => "CLOSED", event: "CLOSED" },
  sendBack: { from: ["REOPENED"], to: () => "IN_PROGRESS", event: "SENT_BACK" },
  autoClose: { from: ["COMPLETED"], to: () => "CLOSED", event: "CLOSED" },
  // Whether the order is on the board is not its status; these leave the status as it is.
  hideFromBoard: { from: boardStatuses, to: stay, event: "BOARD_HIDDEN" },
  restoreToBoard: { from: boardStatuses, to: stay, event: "BOARD_RESTORED" },
};

export const orderCommands = Object.keys(transitions) as OrderCommand[];

export type TransitionResult = { ok: true; to: OrderStatus; event: OrderEventType } | { ok: false };

export function transition(from: OrderStatus, command: OrderCommand, ctx: TransitionContext = {}): TransitionResult {
  const rule = transitions[command];
  if (!rule.from.includes(from)) return { ok: false };
  return { ok: true, to: rule.to(from, ctx), event: rule.event };
}

/** Statuses in which the order still waits on someone's work. */
export const openStatuses: readonly OrderStatus[] = ["PLACED", "ACCEPTED", "IN_PROGRESS", "REOPENED"];
export const isOpen = (status: OrderStatus) => openStatuses.includes(status);
