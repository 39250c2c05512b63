// What a registry says about one actor, one record and one command, without I/O: whether the
// actor may run it at all (operation over the record's place, relation, system), whether the
// record's status lets it, and its precondition. The writer refuses with these answers; the
// order page lists the commands for which all of them hold.
import { can, type Actor, type Location, type Operation } from "@/server/authz/permissions";
import { isSystem, type AnyActor, type Relation, type Who } from "./types";

type Places<R> = { location: (record: R) => Location; relations: (actor: Actor, record: R) => Relation[] };

/** May this actor run this command on this record, whatever its status? (No: answered as 404.) */
export function permits<R>(process: Places<R>, row: { who: Who; operation?: Operation }, actor: AnyActor, record: R): boolean {
  if (isSystem(actor)) return row.who === "system";
  if (row.who === "system" || !row.operation) return false;
  if (!can(actor, row.operation, process.location(record))) return false;
  return row.who === "role" || process.relations(actor, record).includes(row.who);
}

/** Does the record's status let the command start? (No: a conflict, "status changed".) */
export const startsFrom = (row: { from: readonly string[] }, status: string) => row.from.includes(status);

type Row<R> = { from: readonly string[]; who: Who; operation?: Operation; when?: { test: (record: R, actor: AnyActor) => boolean } };

/** The commands a person may use on the record now, in registry order (the page's buttons). */
export function allowedCommands<C extends string, R extends { status: string }>(
  process: Places<R> & { commands: Record<C, Row<R>> },
  actor: Actor,
  record: R,
): C[] {
  return (Object.keys(process.commands) as C[]).filter((name) => {
    const row = process.commands[name];
    return startsFrom(row, record.status) && permits(process, row, actor, record) && (row.when?.test(record, actor) ?? true);
  });
}

/** The commands people post (every row but the system's): what the server action accepts. */
export const postedCommands = <C extends string>(process: { commands: Record<C, { who: string }> }): C[] =>
  (Object.keys(process.commands) as C[]).filter((name) => process.commands[name].who !== "system");
