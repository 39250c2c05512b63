// Every cell of the transition table: each command from each status, allowed or refused.
import { describe, expect, it } from "vitest";
import type { OrderStatus } from "@/generated/prisma/enums";
import { orderCommands, orderStatuses, transition, type OrderCommand } from "./machine";

const P = "PLACED", A = "ACCEPTED", I = "IN_PROGRESS", D = "COMPLETED", C = "CLOSED", X = "DECLINED", W = "WITHDRAWN", R = "REOPENED";
const no = null;

// Rows: command; columns in the order of `orderStatuses`: the resulting status, or null when refused.
const expected: Record<OrderCommand, (OrderStatus | null)[]> = {
  //               PLACED ACCEPTED IN_PROG COMPLETED CLOSED DECLINED WITHDRAWN REOPENED
  accept:          [A,    no,      no,     no,       no,    no,      no,       no],
  decline:         [X,    no,      no,     no,       no,    no,      no,       no],
  transfer:        [P,    no,      no,     no,       no,    no,      no,       no],
  merge:           [C,    no,      no,     no,       no,    no,      no,       no],
  withdraw:        [W,    no,      no,     no,       no,    no,      no,       no],
  addInfo:         [P,    A,       I,      no,       no,    no,      no,       R],
  dispatch:        [no,   I,       I,      no,       no,    no,      no,       no],
  requestMeeting:  [no,   A,       no,     no,       no,    no,      no,       no],
  progress:        [no,   no,      I,      no,       no,    no,      no,       no],
  complete:        [no,   no,      D,      no,       no,    no,      no,       no],
  rate:            [no,   no,      no,     C,        no,    no,      no,       no],
  rateAsNeighbour: [no,   no,      no,     D,        C,     no,      no,       R],
  followUp:        [no,   no,      no,     no,       no,    no,      no,       R],
  close:           [no,   no,      no,     no,       no,    no,      no,       C],
  sendBack:        [no,   no,      no,     no,       no,    no,      no,       I],
  autoClose:       [no,   no,      no,     C,        no,    no,      no,       no],
  hideFromBoard:   [P,    A,       I,      D,        C,     no,      no,       R],
  restoreToBoard:  [P,    A,       I,      D,        C,     no,      no,       R],
};

describe("order transition table", () => {
  it("has a row for every command", () => {
    expect(Object.keys(expected).sort()).toEqual([...orderCommands].sort());
  });

  const cells = orderCommands.flatMap((command) =>
    orderStatuses.map((from, i) => ({ command, from, to: expected[command][i] })),
  );

  it.each(cells)("$command from $from → $to", ({ command, from, to }) => {
    const result = transition(from, command);
    if (to === null) expect(result).toEqual({ ok: false });
    else expect(result).toMatchObject({ ok: true, to });
  });

  it("accepting a category without dispatch goes straight to handling", () => {
    expect(transition("PLACED", "accept", { requiresDispatch: false })).toMatchObject({ ok: true, to: "IN_PROGRESS" });
    expect(transition("PLACED", "accept", { requiresDispatch: true })).toMatchObject({ ok: true, to: "ACCEPTED" });
  });

  it("a poor rating reopens the order for follow-up, a good one closes it", () => {
    expect(transition("COMPLETED", "rate", { poorRating: true })).toMatchObject({ ok: true, to: "REOPENED" });
    expect(transition("COMPLETED", "rate", { poorRating: false })).toMatchObject({ ok: true, to: "CLOSED" });
  });

  it("closed, declined and withdrawn orders accept no work", () => {
    for (const from of ["CLOSED", "DECLINED", "WITHDRAWN"] as const) {
      for (const command of ["accept", "dispatch", "progress", "complete", "addInfo"] as const) {
        expect(transition(from, command).ok).toBe(false);
      }
    }
  });
});
