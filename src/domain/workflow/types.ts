// The shape of a process (orders today; patrol rounds, hazards, topics, meetings, redemptions
// and visits next): a record with one status column, an event table beside it, and a
// registry of commands. Pure types and helpers, no I/O: a process's registry imports nothing
// that reaches the database, so pages, tests and the sweeps can read it. The one writer
// (./writer.ts) runs every command of every process.
import type { z } from "zod";
import type { VolumeLimit } from "@/domain/limits/volume-limits";
import type { NotificationMessage } from "@/domain/notifications/notify";
import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import type { Actor, Location, Operation } from "@/server/authz/permissions";

/**
 * Who may run a command besides holding its operation over the record's place:
 * - role: the operation is enough (a grid worker of the order's grid accepts it);
 * - requester / handler / assignee / neighbour: the actor must also stand in that relation
 *   to the record (the process says how: ./table.ts, `relations`);
 * - system: no person may; only the system actor runs it (housekeeping, a courtyard move).
 */
export type Relation = "requester" | "handler" | "assignee" | "neighbour";
export type Who = "role" | Relation | "system";

/** The portal itself acting: housekeeping, or the consequence of an administrator's change. */
export type SystemActor = { system: true; /** Recorded as the event's actor when a person caused it. */ onBehalfOf: string | null };
export const systemActor = (onBehalfOf: string | null = null): SystemActor => ({ system: true, onBehalfOf });
export type AnyActor = Actor | SystemActor;
export const isSystem = (actor: AnyActor): actor is SystemActor => "system" in actor;
/** The person running a person's command (a system actor never passes `permits` for one). */
export function personOf(actor: AnyActor): Actor {
  if (isSystem(actor)) throw new Error("a person's command was run by the system");
  return actor;
}
/** The user id an event records: the person, the person a system step acts for, or none. */
export const actorIdOf = (actor: AnyActor) => (isSystem(actor) ? actor.onBehalfOf : actor.userId);

export type Tx = Prisma.TransactionClient;
/** What `check` reads with (its writes would be outside the step: ./one-writer.test.ts). */
export type ReadClient = Tx;
/** A Prisma delegate's name: `order`, `orderEvent` … */
export type ModelName = Uncapitalize<Prisma.ModelName>;

/**
 * What a step writes into its event row besides type, statuses, actor and time: the
 * person's own words (`note`, stored as typed) and what the system says, as data (`params`,
 * with a `kind` the reader's language renders: messages orderPage.eventNotes).
 */
export type EventData = { note?: string; params?: EventParams | null };
export type EventParams = { kind: string } & Record<string, string | number | boolean>;

/** Everything a hook is given: no hook reaches for globals or mutates shared variables. */
export type Base<R, In> = { actor: AnyActor; record: R; input: In; now: Date };
export type Checked<R, In, Ctx> = Base<R, In> & { ctx: Ctx };
export type Stepped<R, In, Ctx, S> = Checked<R, In, Ctx> & { from: S; to: S };
export type Effects = { db: ReadClient; holders: (role: Role, scope: { gridId?: string; courtyardId?: string; communityId?: string }) => Promise<string[]> };

/**
 * One row of a registry: a command. Declarative fields say when it applies and what it
 * writes; the hooks, each optional, run in this order and each gets what the previous
 * returned — `check` returns the typed context that `to`, `patch`, `event`, `write` and
 * `effects` receive.
 */
export type CommandRow<S extends string, E extends string, R, In = unknown, Ctx = undefined> = {
  /** Statuses the command may start from; any other answers "status changed" (a conflict). */
  from: readonly S[];
  /** The status it leads to, or a function of what the step knows; omitted: the status stays. */
  to?: S | ((c: Checked<R, In, Ctx> & { from: S }) => S);
  event: E;
  /** The permission, asked with the record's place (absent only for system commands). */
  operation?: Operation;
  who: Who;
  input: z.ZodType<In, unknown>;
  /** How the order page's form posts it (the server action reads these fields). */
  form?: (field: FormFields) => unknown;
  /** A precondition on the record (and the actor) that the page and the writer both apply. */
  when?: { test: (record: R, actor: AnyActor) => boolean; refusal: string };
  /** Where the actor must reach the record for this command (default: the process's scope). */
  visible?: (actor: Actor) => object;
  /** Reads before writing; throws an AppError to refuse; returns what later hooks need. */
  check?: (c: Base<R, In> & { db: ReadClient }) => Promise<Ctx> | Ctx;
  /** Volume limits spent once the checks pass, refunded when the step then fails. */
  spends?: (c: Checked<R, In, Ctx>) => VolumeLimit[];
  /** A unique violation while writing means this (an "errors" key): e.g. rated twice. */
  onDuplicate?: string;
  /** More that must still hold at write time, beside the status (a race loses as a conflict). */
  guard?: (c: Checked<R, In, Ctx>) => object;
  /** Columns that change with the status. */
  patch?: (c: Stepped<R, In, Ctx, S>) => Record<string, unknown>;
  /** The event row's note and params. */
  eventData?: (c: Stepped<R, In, Ctx, S>) => EventData;
  /** Rows written with the step, in its transaction (a dispatch plan, a rating, photos …). */
  write?: (c: Stepped<R, In, Ctx, S> & { tx: Tx; eventId: string }) => Promise<unknown>;
  /** Who hears about it, after commit. */
  effects?: (c: Stepped<R, In, Ctx, S> & Effects) => Promise<NotificationMessage[]> | NotificationMessage[];
  /** How a page offers it (the process's pages say what a panel is); none for the system's steps. */
  button?: { panel: string; danger?: boolean };
};

/** Reads a posted form: one text field, or every value of a repeated one. */
export type FormFields = { text: (name: string) => string; list: (name: string) => string[] };

/** A row with its types erased, as a registry holds it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows differ in input and context types; each is checked where it is defined
export type AnyRow<S extends string, E extends string, R> = CommandRow<S, E, R, any, any>;

/**
 * A process: its record model and event model (by their Prisma delegate names), how a
 * record is loaded and where it sits, the relations an actor may have to it, what every
 * step tells, and its registry of commands.
 */
export type Process<C extends string, S extends string, E extends string, R extends { id: string; status: S }> = {
  name: string;
  /** The Prisma delegates: the record (with a `status` column) and its events. */
  model: ModelName;
  eventModel: ModelName;
  /** The event column that points at the record. */
  eventOwner: string;
  /** What a command loads with the record. */
  include: object;
  /** Where the actor reaches records by default (the scoped load: anything else is 404). */
  scope: (actor: Actor) => object;
  /** The columns every guarded update also compares (besides id and status). */
  stable: (record: R) => object;
  location: (record: R) => Location;
  relations: (actor: Actor, record: R) => Relation[];
  /** Columns every step sets (e.g. updatedAt to the step's time). */
  stamp?: (now: Date) => object;
  /**
   * Why a command cannot run on the record's status, read again: when the table refused it
   * (`raced` false) or inside the transaction that lost a race (`raced` true). Default: "status changed".
   */
  conflict?: (client: Tx, c: { name: string; id: string; raced: boolean }) => Promise<{ key: string; params?: Record<string, string | number> } | undefined>;
  /** What every step tells besides its own effects (e.g. the requester hears of a status change). */
  effects?: (c: Stepped<R, unknown, unknown, S> & Effects & { told: NotificationMessage[] }) => Promise<NotificationMessage[]>;
  commands: Record<C, AnyRow<S, E, R>>;
};

/** Defines one row with its own input and context types checked, then erases them. */
export function command<S extends string, E extends string, R>() {
  return <In, Ctx = undefined>(row: CommandRow<S, E, R, In, Ctx>): AnyRow<S, E, R> => row as AnyRow<S, E, R>;
}
