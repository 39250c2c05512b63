// The one writer of every process's status and events. A command, whoever runs it:
//   input (zod) → scoped load (else 404) → permission and relation (else 404) → the table:
//   source status and precondition (else a conflict) → `check` (typed context) → in one
//   transaction, an update guarded by the status it was read in (zero rows: someone else won,
//   a conflict), the event row and the step's own rows → effects after commit, each failure
//   logged and never failing the command that already happened.
// Nothing else writes a status column or an event row (./one-writer.test.ts).
import { notify, holdersOf, type NotificationMessage } from "@/domain/notifications/notify";
import { refundVolume, spendVolume } from "@/domain/limits/spend";
import { db } from "@/server/db/client";
import { AppError, isUniqueViolation, notFoundError } from "@/server/errors";
import { permits, startsFrom } from "./table";
import { actorIdOf, isSystem, type AnyActor, type AnyRow, type EventData, type ModelName, type Process, type Stepped, type Tx } from "./types";

type Rec = { id: string; status: string };
type AnyProcess = Process<string, string, string, Rec>;
type Delegate = {
  findFirst(args: object): Promise<Rec | null>;
  updateMany(args: object): Promise<{ count: number }>;
  create(args: object): Promise<Record<string, unknown> & { id: string }>;
};
// The process names its models; Prisma's delegates share these methods.
const delegate = (client: Tx, model: ModelName) => (client as unknown as Record<ModelName, Delegate>)[model];

export type StepResult<R> = { id: string; status: string; record: R };
type Prepared = { row: AnyRow<string, string, Rec>; c: Stepped<Rec, unknown, unknown, string>; name: string };

async function prepare(client: Tx, process: AnyProcess, actor: AnyActor, id: string, name: string, raw: unknown): Promise<Prepared> {
  const row = Object.hasOwn(process.commands, name) ? process.commands[name] : undefined;
  if (!row) throw new AppError("invalid_input", "invalidInput");
  const input = row.input.parse(raw);
  const where = isSystem(actor) ? {} : (row.visible?.(actor) ?? process.scope(actor));
  const record = await delegate(client, process.model).findFirst({ where: { AND: [{ id }, where] }, ...process.include });
  if (!record || !permits(process, row, actor, record)) throw notFoundError();
  if (!startsFrom(row, record.status)) throw await refusal(client, process, name, record.id, false);
  if (row.when && !row.when.test(record, actor)) throw new AppError("conflict", row.when.refusal);
  const now = new Date();
  const base = { actor, record, input, now };
  const ctx = await row.check?.({ ...base, db: client });
  const from = record.status;
  const to = typeof row.to === "function" ? row.to({ ...base, ctx, from }) : (row.to ?? from);
  return { row, name, c: { ...base, ctx, from, to } };
}

async function refusal(client: Tx, process: AnyProcess, name: string, id: string, raced: boolean): Promise<AppError> {
  const why = await process.conflict?.(client, { name, id, raced });
  return new AppError("conflict", why?.key ?? "statusChanged", why?.params);
}

/** The guarded update, the event row and the step's rows, inside the caller's transaction. */
async function write(tx: Tx, process: AnyProcess, { row, c, name }: Prepared): Promise<() => Promise<void>> {
  const { count } = await delegate(tx, process.model).updateMany({
    where: { id: c.record.id, status: c.from, ...process.stable(c.record), ...row.guard?.(c) },
    data: { status: c.to, ...process.stamp?.(c.now), ...row.patch?.(c) },
  });
  // Read through the transaction's own connection: asking the pool for another while holding
  // this one can starve it under a burst of concurrent commands.
  if (count === 0) throw await refusal(tx, process, name, c.record.id, true);
  const event = await appendEvent(tx, process, {
    owner: c.record.id,
    actor: c.actor,
    type: row.event,
    from: c.from,
    to: c.to,
    now: c.now,
    ...row.eventData?.(c),
  });
  await row.write?.({ ...c, tx, eventId: event.id });
  return () => tell(process, row, name, c);
}

function appendEvent(tx: Tx, process: AnyProcess, e: { owner: string; actor: AnyActor; type: string; from: string | null; to: string; now: Date } & EventData) {
  return delegate(tx, process.eventModel).create({
    data: {
      [process.eventOwner]: e.owner,
      actorId: actorIdOf(e.actor),
      type: e.type,
      fromStatus: e.from,
      toStatus: e.to,
      note: e.note ?? "",
      ...(e.params ? { params: e.params } : {}),
      createdAt: e.now,
    },
    select: { id: true },
  });
}

/** Effects after commit: a failure is logged with its context and never undoes or fails the step. */
async function tell(process: AnyProcess, row: AnyRow<string, string, Rec>, name: string, c: Stepped<Rec, unknown, unknown, string>) {
  const where = `${process.name}.${name} on ${c.record.id}`;
  const messages: NotificationMessage[] = [];
  try {
    messages.push(...((await row.effects?.({ ...c, db, holders: holdersOf })) ?? []));
  } catch (error) {
    console.error(`[workflow] the effects of ${where} failed:`, error);
  }
  try {
    messages.push(...((await process.effects?.({ ...c, db, holders: holdersOf, told: messages })) ?? []));
  } catch (error) {
    console.error(`[workflow] the common effects of ${where} failed:`, error);
  }
  const by = actorIdOf(c.actor);
  try {
    await notify(messages.filter((m) => m.userId !== by));
  } catch (error) {
    console.error(`[workflow] notifying ${messages.length} message(s) of ${where} failed:`, error);
  }
}

/** Runs one command of a process for a person or the system, in a transaction of its own. */
export async function runCommand<C extends string, S extends string, E extends string, R extends { id: string; status: S }>(
  process: Process<C, S, E, R>,
  actor: AnyActor,
  id: string,
  name: C,
  raw: unknown,
): Promise<StepResult<R>> {
  const p = process as unknown as AnyProcess;
  const prepared = await prepare(db, p, actor, id, name, raw);
  const limits = isSystem(actor) ? [] : (prepared.row.spends?.(prepared.c) ?? []);
  if (!isSystem(actor) && limits.length) await spendVolume(actor.userId, ...limits);
  let after: () => Promise<void>;
  try {
    after = await db.$transaction((tx) => write(tx, p, prepared));
  } catch (error) {
    if (!isSystem(actor) && limits.length) await refundVolume(actor.userId, ...limits);
    if (prepared.row.onDuplicate && isUniqueViolation(error)) throw new AppError("conflict", prepared.row.onDuplicate);
    throw error;
  }
  await after();
  return { id, status: prepared.c.to, record: prepared.c.record as R };
}

/**
 * Runs one command inside a transaction the caller holds (a courtyard move carries its open
 * orders with it in the move's own transaction). Returns the effects, to call after commit.
 */
export async function runCommandIn<C extends string, S extends string, E extends string, R extends { id: string; status: S }>(
  tx: Tx,
  process: Process<C, S, E, R>,
  actor: AnyActor,
  id: string,
  name: C,
  raw: unknown,
): Promise<() => Promise<void>> {
  const p = process as unknown as AnyProcess;
  return write(tx, p, await prepare(tx, p, actor, id, name, raw));
}

/**
 * A new record in its first status, with its first event, inside the caller's transaction
 * (placing an order: the caller checked who may and made the record's columns).
 */
export async function createRecord<S extends string, E extends string, T extends object>(
  tx: Tx,
  process: { model: ModelName; eventModel: ModelName; eventOwner: string; name: string },
  actor: AnyActor,
  record: { data: Record<string, unknown> & { status: S }; select: T; now: Date },
  event: { type: E } & EventData,
): Promise<{ id: string; eventId: string } & Record<keyof T, unknown>> {
  const created = await delegate(tx, process.model).create({ data: { ...record.data, createdAt: record.now }, select: { ...record.select, id: true } });
  const row = await appendEvent(tx, process as AnyProcess, {
    owner: created.id,
    actor,
    type: event.type,
    from: null,
    to: record.data.status,
    now: record.now,
    note: event.note,
    params: event.params,
  });
  return { ...(created as { id: string } & Record<keyof T, unknown>), eventId: row.id };
}
