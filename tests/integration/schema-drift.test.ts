// Proves that prisma/schema.prisma and the hand-written SQL in prisma/migrations describe the
// same database (docs/decisions/003-migrations.md): the migrations are applied to an empty
// database, which is then read back from the PostgreSQL catalogs and compared with what
// Prisma Migrate would have created from the schema.
import crypto from "node:crypto";
import fs from "node:fs";
import { getDMMF } from "@prisma/internals";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, ensureDatabase, migrate, readMigrations } from "@/server/db/migrate";

type Datamodel = Awaited<ReturnType<typeof getDMMF>>["datamodel"];
type Model = Datamodel["models"][number];
type Field = Model["fields"][number];

type Column = { type: string; notNull: boolean; hasDefault: boolean };
type Table = {
  columns: Map<string, Column>;
  primaryKey: string[];
  /** e.g. `unique index (streetId, name)`, `index (userId)` */
  indexes: string[];
  /** e.g. `foreign key (actorId) → User(id) ON DELETE SetNull ON UPDATE Cascade` */
  foreignKeys: string[];
};
type Shape = { tables: Map<string, Table>; enums: Map<string, string[]> };

const SCHEMA_PATH = process.env.DRIFT_SCHEMA ?? "prisma/schema.prisma";
const MIGRATIONS_TABLE = "_prisma_migrations";

// ---------------------------------------------------------------------------------------
// What Prisma Migrate would create from schema.prisma.

// Spelled as format_type() prints them. Decimal is Prisma's default DECIMAL(65,30).
const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

// These are filled in by Prisma Client, not by the database.
const CLIENT_SIDE_DEFAULTS = new Set(["cuid", "uuid", "nanoid", "ulid"]);

function expectedShape(datamodel: Datamodel): { shape: Shape; unsupported: string[] } {
  const unsupported: string[] = [];
  const models = new Map(datamodel.models.map((m) => [m.name, m]));
  const enums = new Map(datamodel.enums.map((e) => [e.name, e]));
  const tableOf = (model: Model) => model.dbName ?? model.name;
  const columnOf = (model: Model, fieldName: string) => {
    const field = model.fields.find((f) => f.name === fieldName);
    return field?.dbName ?? fieldName;
  };

  const typeOf = (model: Model, field: Field): string => {
    if (field.nativeType || field.kind === "unsupported") {
      unsupported.push(`${model.name}.${field.name}: native/unsupported types are not mapped by this test yet`);
    }
    const enumType = enums.get(field.type);
    const base = enumType ? (enumType.dbName ?? enumType.name) : (SCALAR_TYPES[field.type] ?? `?${field.type}`);
    return field.isList ? `${base}[]` : base;
  };

  const hasDatabaseDefault = (field: Field) => {
    const d = field.default;
    if (d === undefined) return false;
    if (typeof d === "object" && !Array.isArray(d)) return !CLIENT_SIDE_DEFAULTS.has((d as { name: string }).name);
    return true; // a literal value
  };

  const tables = new Map<string, Table>();
  for (const model of datamodel.models) {
    const columns = new Map<string, Column>();
    for (const field of model.fields.filter((f) => f.kind !== "object")) {
      columns.set(field.dbName ?? field.name, {
        type: typeOf(model, field),
        notNull: field.isRequired || field.isList,
        hasDefault: hasDatabaseDefault(field),
      });
    }

    const idFields = model.primaryKey?.fields ?? model.fields.filter((f) => f.isId).map((f) => f.name);
    const indexes = datamodel.indexes
      .filter((index) => index.model === model.name && index.type !== "id")
      .map((index) => {
        if (index.type === "fulltext") unsupported.push(`${model.name}: @@fulltext is not mapped by this test yet`);
        const cols = index.fields.map((f) => columnOf(model, f.name)).join(", ");
        return `${index.type === "unique" ? "unique index" : "index"} (${cols})`;
      });

    const foreignKeys = model.fields
      .filter((f) => f.kind === "object" && f.relationFromFields?.length)
      .map((f) => {
        const target = models.get(f.type)!;
        const from = f.relationFromFields!.map((n) => columnOf(model, n)).join(", ");
        const to = f.relationToFields!.map((n) => columnOf(target, n)).join(", ");
        // Prisma's referential actions when the schema names none.
        const onDelete = f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull");
        const onUpdate = f.relationOnUpdate ?? "Cascade";
        return `foreign key (${from}) → ${tableOf(target)}(${to}) ON DELETE ${onDelete} ON UPDATE ${onUpdate}`;
      });

    tables.set(tableOf(model), {
      columns,
      primaryKey: idFields.map((n) => columnOf(model, n)),
      indexes,
      foreignKeys,
    });
  }

  const enumShapes = new Map(datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)] as const));
  return { shape: { tables, enums: enumShapes }, unsupported };
}

// ---------------------------------------------------------------------------------------
// What the migrations actually created, read from the catalogs of schema `public`.

const REFERENTIAL_ACTIONS: Record<string, string> = {
  a: "NoAction",
  r: "Restrict",
  c: "Cascade",
  n: "SetNull",
  d: "SetDefault",
};

async function databaseShape(db: pg.Client): Promise<Shape> {
  const tables = new Map<string, Table>();
  const table = (name: string) => tables.get(name)!;

  const { rows: tableRows } = await db.query<{ name: string }>(`
    SELECT c.relname::text AS name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`);
  for (const { name } of tableRows) tables.set(name, { columns: new Map(), primaryKey: [], indexes: [], foreignKeys: [] });

  // An array column is described by its element type plus "[]"; the element's typmod is
  // the column's, so timestamp(3)[] keeps its precision.
  const { rows: columnRows } = await db.query<{ table: string; column: string } & Column>(`
    SELECT c.relname::text AS table, a.attname::text AS column,
           CASE WHEN el.typtype = 'e' THEN el.typname::text ELSE format_type(el.oid, a.atttypmod) END
             || CASE WHEN t.typcategory = 'A' THEN '[]' ELSE '' END AS type,
           a.attnotnull AS "notNull", a.atthasdef AS "hasDefault"
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_type t ON t.oid = a.atttypid
    JOIN pg_type el ON el.oid = CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE t.oid END
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY a.attnum`);
  for (const { table: t, column, ...rest } of columnRows) table(t).columns.set(column, rest);

  const { rows: indexRows } = await db.query<{
    table: string;
    primary: boolean;
    unique: boolean;
    columns: string[];
    predicate: string | null;
  }>(`
    SELECT c.relname::text AS table, i.indisprimary AS primary, i.indisunique AS unique,
           array(SELECT coalesce(a.attname::text, '(expression)')
                 FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                 LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                 ORDER BY k.ord)::text[] AS columns,
           pg_get_expr(i.indpred, i.indrelid) AS predicate
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public'`);
  for (const index of indexRows) {
    if (index.primary) {
      table(index.table).primaryKey = index.columns;
    } else {
      const where = index.predicate ? ` WHERE ${index.predicate}` : "";
      table(index.table).indexes.push(`${index.unique ? "unique index" : "index"} (${index.columns.join(", ")})${where}`);
    }
  }

  const { rows: fkRows } = await db.query<{
    table: string;
    target: string;
    columns: string[];
    targetColumns: string[];
    onDelete: string;
    onUpdate: string;
  }>(`
    SELECT c.relname::text AS table, f.relname::text AS target,
           array(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum
                 ORDER BY u.ord)::text[] AS columns,
           array(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum
                 ORDER BY u.ord)::text[] AS "targetColumns",
           k.confdeltype::text AS "onDelete", k.confupdtype::text AS "onUpdate"
    FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid
    JOIN pg_class f ON f.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE k.contype = 'f' AND n.nspname = 'public'`);
  for (const fk of fkRows) {
    table(fk.table).foreignKeys.push(
      `foreign key (${fk.columns.join(", ")}) → ${fk.target}(${fk.targetColumns.join(", ")})` +
        ` ON DELETE ${REFERENTIAL_ACTIONS[fk.onDelete]} ON UPDATE ${REFERENTIAL_ACTIONS[fk.onUpdate]}`,
    );
  }

  const { rows: enumRows } = await db.query<{ name: string; values: string[] }>(`
    SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder)::text[] AS values
    FROM pg_type t
    JOIN pg_enum e ON e.enumtypid = t.oid
    JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public'
    GROUP BY t.typname`);

  return { tables, enums: new Map(enumRows.map((e) => [e.name, e.values])) };
}

// ---------------------------------------------------------------------------------------
// The comparison, as one readable line per disagreement.

const IN_SCHEMA_ONLY = "is in schema.prisma but not created by the migrations";
const IN_DATABASE_ONLY = "is created by the migrations but not in schema.prisma";

/** Compares two lists as multisets, naming what is missing on either side. */
function compareLists(label: string, expected: string[], actual: string[], problems: string[]) {
  const rest = [...actual];
  for (const item of expected) {
    const at = rest.indexOf(item);
    if (at >= 0) rest.splice(at, 1);
    else problems.push(`${label} ${item} ${IN_SCHEMA_ONLY}`);
  }
  for (const item of rest) problems.push(`${label} ${item} ${IN_DATABASE_ONLY}`);
}

function compareShapes(expected: Shape, actual: Shape): string[] {
  const problems: string[] = [];

  for (const name of expected.tables.keys()) {
    if (!actual.tables.has(name)) problems.push(`table ${name} ${IN_SCHEMA_ONLY}`);
  }
  for (const name of actual.tables.keys()) {
    if (!expected.tables.has(name)) problems.push(`table ${name} ${IN_DATABASE_ONLY}`);
  }

  for (const [name, want] of expected.tables) {
    const have = actual.tables.get(name);
    if (!have) continue;
    for (const [column, w] of want.columns) {
      const h = have.columns.get(column);
      const label = `column ${name}.${column}`;
      if (!h) {
        problems.push(`${label} ${IN_SCHEMA_ONLY}`);
        continue;
      }
      if (w.type !== h.type) problems.push(`${label}: ${w.type} in schema.prisma, ${h.type} in the database`);
      if (w.notNull !== h.notNull) {
        const nullability = (notNull: boolean) => (notNull ? "NOT NULL" : "nullable");
        problems.push(`${label}: ${nullability(w.notNull)} in schema.prisma, ${nullability(h.notNull)} in the database`);
      }
      if (w.hasDefault !== h.hasDefault) {
        const has = (d: boolean) => (d ? "a database default" : "no database default");
        problems.push(`${label}: ${has(w.hasDefault)} in schema.prisma, ${has(h.hasDefault)} in the database`);
      }
    }
    for (const column of have.columns.keys()) {
      if (!want.columns.has(column)) problems.push(`column ${name}.${column} ${IN_DATABASE_ONLY}`);
    }
    if (want.primaryKey.join(", ") !== have.primaryKey.join(", ")) {
      problems.push(`primary key of ${name}: (${want.primaryKey.join(", ")}) in schema.prisma, ` + `(${have.primaryKey.join(", ")}) in the database`);
    }
    compareLists(`${name}:`, want.indexes, have.indexes, problems);
    compareLists(`${name}:`, want.foreignKeys, have.foreignKeys, problems);
  }

  for (const [name, values] of expected.enums) {
    const have = actual.enums.get(name);
    if (!have) problems.push(`enum ${name} ${IN_SCHEMA_ONLY}`);
    else if (values.join(",") !== have.join(",")) {
      problems.push(`enum ${name}: values [${values.join(", ")}] in schema.prisma, [${have.join(", ")}] in the database`);
    }
  }
  for (const name of actual.enums.keys()) {
    if (!expected.enums.has(name)) problems.push(`enum ${name} ${IN_DATABASE_ONLY}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------

describe(`${SCHEMA_PATH} and prisma/migrations`, () => {
  const database = `drift_${crypto.randomBytes(6).toString("hex")}`;
  let adminUrl: string;
  let url: string;
  let db: pg.Client;

  beforeAll(async () => {
    if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL must point at a PostgreSQL server");
    const server = new URL(process.env.DATABASE_URL);
    adminUrl = Object.assign(new URL(server), { pathname: "/postgres" }).toString();
    url = Object.assign(new URL(server), { pathname: `/${database}` }).toString();
    await ensureDatabase(adminUrl, database);
    await migrate(url);
    db = new pg.Client({ connectionString: url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    if (adminUrl) await dropDatabase(adminUrl, database);
  });

  it("create exactly the tables, columns, keys, indexes and enums the schema describes", async () => {
    const { datamodel } = await getDMMF({ datamodel: fs.readFileSync(SCHEMA_PATH, "utf8") });
    const { shape: expected, unsupported } = expectedShape(datamodel);
    expect(unsupported, `${SCHEMA_PATH} uses what this test cannot check yet`).toEqual([]);

    const actual = await databaseShape(db);
    expect([...actual.tables.keys()], `${MIGRATIONS_TABLE} should exist`).toContain(MIGRATIONS_TABLE);
    actual.tables.delete(MIGRATIONS_TABLE);

    expect(compareShapes(expected, actual), `${SCHEMA_PATH} and prisma/migrations disagree`).toEqual([]);
  });

  it("record every migration with its checksum, and a second run applies nothing", async () => {
    const { rows } = await db.query<{ name: string; checksum: string }>(`
      SELECT migration_name AS name, checksum FROM "${MIGRATIONS_TABLE}"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
      ORDER BY migration_name`);
    expect(rows).toEqual(readMigrations().map(({ name, checksum }) => ({ name, checksum })));
    expect(await migrate(url)).toEqual([]);
  });
});
