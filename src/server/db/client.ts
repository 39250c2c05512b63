import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseUrl } from "@/server/env";

function create() {
  // adapter-pg's pool has no connection timeout by default: an exhausted pool would hang.
  const adapter = new PrismaPg({ connectionString: databaseUrl(), max: 10, connectionTimeoutMillis: 5_000 });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { linliPrisma?: PrismaClient };

export const db: PrismaClient = (globalForPrisma.linliPrisma ??= create());
