import "server-only";
// Where photo bytes live (docs/decisions/030-photo-store.md): a store every app server reaches,
// so that any instance serves any photo. PostgreSQL by default — the embedded set-up stays one
// process and its backups hold the photos — or an S3-compatible bucket when configured. Keys
// are made by storePhoto; the OrderPhoto row says who may see a photo, the store only keeps it.
import { postgresPhotoStore } from "./postgres-store";
import { s3PhotoStore } from "./s3-store";
import { photoStoreConfig } from "./store-config";

export type StoredPhoto = {
  /** Bytes the stream will yield (sent as Content-Length). */
  size: number;
  /** The bytes, read as the consumer pulls them: never the whole photo in memory at once. */
  stream: ReadableStream<Uint8Array>;
};

export interface PhotoStore {
  readonly kind: "postgres" | "s3";
  /** Stores (or replaces) the bytes under `key`. */
  put(key: string, body: Uint8Array): Promise<void>;
  /** The bytes under `key`, or null if there are none. */
  get(key: string): Promise<StoredPhoto | null>;
  /** Removes `key`; removing a key that is not there is no error. */
  delete(key: string): Promise<void>;
}

let configured: PhotoStore | undefined;

/** The store the environment names (LINLI_PHOTO_STORE), made on first use. */
export function photoStore(): PhotoStore {
  if (!configured) {
    const config = photoStoreConfig(process.env);
    configured = config.kind === "s3" ? s3PhotoStore(config) : postgresPhotoStore();
  }
  return configured;
}
