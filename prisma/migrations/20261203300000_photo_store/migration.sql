-- Photos move from the app server's disk into a store every instance reaches: this table by
-- default (docs/decisions/030-photo-store.md). Files already on disk are imported by
-- `npm start` (or `npm run photos:import`), not by this migration.

-- CreateTable
CREATE TABLE "PhotoBlob" (
    "key" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PhotoBlob_pkey" PRIMARY KEY ("key")
);

-- AddForeignKey
ALTER TABLE "PhotoBlob" ADD CONSTRAINT "PhotoBlob_key_fkey" FOREIGN KEY ("key") REFERENCES "OrderPhoto"("storageKey") ON DELETE CASCADE ON UPDATE CASCADE;

-- JPEGs do not compress: keep them uncompressed and out of line, so that no insert tries to
-- compress them and substring() reads only the TOAST chunks of the slice it asks for.
ALTER TABLE "PhotoBlob" ALTER COLUMN "data" SET STORAGE EXTERNAL;
