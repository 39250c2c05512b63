// Shared by `npm start` and the test runner: make sure a database exists, is migrated,
// and (when asked) holds the demo data.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../src/generated/prisma/client";
import { ensureDatabase, migrate } from "../../src/server/db/migrate";
import { seedDemo } from "../../prisma/seed";

export async function prepareDatabase(options: {
  adminUrl?: string;
  url: string;
  recreate?: boolean;
  seed: "never" | "if-empty" | "always";
  log?: (line: string) => void;
}): Promise<{ seeded: boolean }> {
  const log = options.log ?? (() => {});
  if (options.adminUrl) {
    await ensureDatabase(options.adminUrl, new URL(options.url).pathname.slice(1), { recreate: options.recreate });
  }
  await migrate(options.url, log);
  if (options.seed === "never") return { seeded: false };
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "User"`);
  await client.end();
  if (rows[0].n > 0) {
    if (options.seed === "always") log("the database already has users: demo data not added");
    return { seeded: false };
  }
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: options.url }) });
  try {
    log("adding demo data");
    await seedDemo(db);
  } finally {
    await db.$disconnect();
  }
  return { seeded: true };
}
