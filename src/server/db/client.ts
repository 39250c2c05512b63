import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseUrl } from "@/server/env";
import { onShutdown } from "@/server/shutdown";

function create() {
  // adapter-pg's pool has no connection timeout by default: an exhausted pool would hang.
  const adapter = new PrismaPg({ connectionString: databaseUrl(), max: 10, connectionTimeoutMillis: 5_000 });
  // Transactions here are a few statements long; waiting up to 5 s for a free connection
  // rides out bursts (e.g. many workers accepting at once) without failing them.
  const client = new PrismaClient({ adapter, transactionOptions: { maxWait: 5_000, timeout: 10_000 } });
  onShutdown("connections", "the database pool", () => client.$disconnect());
  return client;
}

const globalForPrisma = globalThis as unknown as { linliPrisma?: PrismaClient };

// Created on first use, so that `next build` can import modules without a database.
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = (globalForPrisma.linliPrisma ??= create());
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
