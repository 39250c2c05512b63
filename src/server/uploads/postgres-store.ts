import "server-only";
// The default photo store: the "PhotoBlob" table in the portal's own database. Its column is
// stored uncompressed and out of line (the migration sets STORAGE EXTERNAL), so substring()
// fetches only the TOAST chunks of the slice asked for: a photo is read in slices as the
// client takes it, never whole. A row belongs to its OrderPhoto row and goes with it.
import { db } from "@/server/db/client";
import type { PhotoStore, StoredPhoto } from "./store";
import { assertStoreKey } from "./store-config";

/** Bytes per query while streaming; the first slice comes with the size in one query. */
export const SLICE_BYTES = 256 * 1024;

const bytesOf = (value: Uint8Array | null) => (value ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength) : null);

async function slice(key: string, offset: number): Promise<Uint8Array | null> {
  const rows = await db.$queryRaw<{ part: Uint8Array }[]>`
    SELECT substring(data FROM ${offset + 1}::int FOR ${SLICE_BYTES}::int) AS part FROM "PhotoBlob" WHERE key = ${key}`;
  return bytesOf(rows[0]?.part ?? null);
}

function streamFrom(key: string, size: number, first: Uint8Array): ReadableStream<Uint8Array> {
  let offset = 0;
  let next: Uint8Array | null = first;
  // The client may go away while a slice is on its way: then the slice is dropped.
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let part: Uint8Array | null;
      try {
        part = next ?? (await slice(key, offset));
      } catch (error) {
        if (!cancelled) controller.error(error);
        console.error("photo stream failed", error);
        return;
      }
      next = null;
      if (cancelled) return;
      // Removed meanwhile (its row was deleted): end with an error, not a short photo.
      if (!part || part.byteLength === 0) {
        const error = new Error(`photo ${key} vanished after ${offset} of ${size} bytes`);
        console.error("photo stream failed", error.message);
        controller.error(error);
        return;
      }
      offset += part.byteLength;
      controller.enqueue(part);
      if (offset >= size) controller.close();
    },
    cancel() {
      cancelled = true;
    },
  });
}

export function postgresPhotoStore(): PhotoStore {
  return {
    kind: "postgres",
    async put(key, body) {
      assertStoreKey(key);
      await db.$executeRaw`
        INSERT INTO "PhotoBlob" (key, data) VALUES (${key}, ${body})
        ON CONFLICT (key) DO UPDATE SET data = EXCLUDED.data`;
    },
    async get(key): Promise<StoredPhoto | null> {
      assertStoreKey(key);
      const rows = await db.$queryRaw<{ size: number; part: Uint8Array }[]>`
        SELECT octet_length(data) AS size, substring(data FROM 1 FOR ${SLICE_BYTES}::int) AS part FROM "PhotoBlob" WHERE key = ${key}`;
      const row = rows[0];
      if (!row) return null;
      const size = Number(row.size);
      const first = bytesOf(row.part) ?? new Uint8Array();
      if (size === 0) return { size, stream: new ReadableStream({ start: (c) => c.close() }) };
      return { size, stream: streamFrom(key, size, first) };
    },
    async delete(key) {
      assertStoreKey(key);
      await db.$executeRaw`DELETE FROM "PhotoBlob" WHERE key = ${key}`;
    },
  };
}
