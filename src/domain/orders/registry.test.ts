// Every cell of the registry's table: each command from each status, allowed or refused, and
// what each row must declare.
import { describe, expect, it } from "vitest";
import { startsFrom } from "@/domain/workflow/table";
import { systemActor } from "@/domain/workflow/types";
import type { OrderStatus } from "@/generated/prisma/enums";
import { permissions } from "@/server/authz/permissions";
import { orderStatuses } from "./machine";
import { orderCommands as rows, type LoadedOrder, type OrderCommand } from "./registry";

const orderCommands = Object.keys(rows) as OrderCommand[];

/** Where a command leads from a status, given the two facts a target depends on. */
function transition(from: OrderStatus, command: OrderCommand, facts: { requiresDispatch?: boolean; poorRating?: boolean } = {}) {
  const row = rows[command];
  if (!startsFrom(row, from)) return { ok: false };
  const record = { status: from, category: { requiresDispatch: facts.requiresDispatch ?? true } } as LoadedOrder;
  const input = { goal: facts.poorRating ? 2 : 5, timing: 5, form: 5, conduct: 5, comment: "" };
  const to = typeof row.to === "function" ? row.to({ actor: systemActor(), record, input, now: new Date(), ctx: undefined, from }) : (row.to ?? from);
  return { ok: true, to, event: row.event };
}

const P = "PLACED",
  A = "ACCEPTED",
  I = "IN_PROGRESS",
  D = "COMPLETED",
  C = "CLOSED",
  X = "DECLINED",
  W = "WITHDRAWN",
  R = "REOPENED";
const no = null;

// Rows: command; columns in the order of `orderStatuses`: the resulting status, or null when refused.
const expected: Record<OrderCommand, (OrderStatus | null)[]> = {
  //               PLACED ACCEPTED IN_PROG COMPLETED CLOSED DECLINED WITHDRAWN REOPENED
  accept: [A, no, no, no, no, no, no, no],
  decline: [X, no, no, no, no, no, no, no],
  transfer: [P, no, no, no, no, no, no, no],
  merge: [C, no, no, no, no, no, no, no],
  withdraw: [W, no, no, no, no, no, no, no],
  addInfo: [P, A, I, no, no, no, no, R],
  dispatch: [no, I, I, no, no, no, no, no],
  requestMeeting: [no, A, no, no, no, no, no, no],
  progress: [no, no, I, no, no, no, no, no],
  complete: [no, no, D, no, no, no, no, no],
  rate: [no, no, no, C, no, no, no, no],
  rateAsNeighbour: [no, no, no, D, C, no, no, R],
  followUp: [no, no, no, no, no, no, no, R],
  close: [no, no, no, no, no, no, no, C],
  sendBack: [no, no, no, no, no, no, no, I],
  autoClose: [no, no, no, C, no, no, no, no],
  hideFromBoard: [P, A, I, D, C, no, no, R],
  restoreToBoard: [P, A, I, D, C, no, no, R],
  moveWithCourtyard: [P, A, I, no, no, no, no, R],
};

describe("order registry", () => {
  it("gives every person's command an operation of the map and a form, and the system's none", () => {
    for (const name of orderCommands) {
      const row = rows[name];
      if (row.who === "system") {
        expect(row.operation, name).toBeUndefined();
        expect(row.button, name).toBeUndefined();
      } else {
        expect(Object.keys(permissions), name).toContain(row.operation);
        expect(row.form, name).toBeTypeOf("function");
        expect(row.button, name).toBeDefined();
      }
    }
  });
});

describe("order transition table", () => {
  it("has a row for every command", () => {
    expect(Object.keys(expected).sort()).toEqual([...orderCommands].sort());
  });

  const cells = orderCommands.flatMap((command) => orderStatuses.map((from, i) => ({ command, from, to: expected[command][i] })));

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
