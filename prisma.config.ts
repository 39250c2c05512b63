import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma 7's CLI fetches a native schema engine before each command, which cannot be
// downloaded here. `prisma generate` only needs something that answers `--version`, so
// unless a real engine is configured we point it at a stub (docs/decisions/003-migrations.md).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("scripts/schema-engine-stub.sh");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/linli" },
});
