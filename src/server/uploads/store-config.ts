// The photo store's settings from the environment, checked at start (scripts/start.ts) and on
// first use; a mistake names the variable. No server-only import: `npm start` reads it too.
import { z } from "zod";

/** The keys storePhoto makes, `<uuid>.jpg`; also the names photo files had on disk before the store. */
export const PHOTO_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.jpg$/;

/** Where the photo import moves the files it has dealt with, inside the folder they were in. */
export const IMPORTED = "imported";
export const UNREFERENCED = "unreferenced";

/** Keys the stores accept: storePhoto's `<uuid>.jpg`, and nothing that could leave a folder or bucket prefix. */
export const STORE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function assertStoreKey(key: string): void {
  if (!STORE_KEY.test(key) || key.includes("..")) throw new Error(`Not a photo store key: ${JSON.stringify(key)}`);
}

export type S3Config = {
  kind: "s3";
  /** Scheme, host and port only, e.g. https://s3.cn-north-1.amazonaws.com.cn or http://minio:9000. */
  endpoint: URL;
  region: string;
  bucket: string;
  /** Put before every key ("" or ending in "/"), so that one bucket can hold more than photos. */
  prefix: string;
  /** Bucket in the path (MinIO and most self-hosted stores) or in the host name (Aliyun OSS, Tencent COS). */
  pathStyle: boolean;
  accessKeyId: string;
  secretAccessKey: string;
};

export type PhotoStoreConfig = { kind: "postgres" } | S3Config;

const required = (name: string) =>
  z
    .string({ error: `${name} is required when LINLI_PHOTO_STORE=s3` })
    .trim()
    .min(1, `${name} is required when LINLI_PHOTO_STORE=s3`);

const s3 = z.object({
  LINLI_S3_ENDPOINT: required("LINLI_S3_ENDPOINT").transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "LINLI_S3_ENDPOINT must be a URL such as https://s3.example.cn" });
      return z.NEVER;
    }
    if (!/^https?:$/.test(url.protocol) || url.pathname !== "/" || url.search || url.hash || url.username || url.password) {
      ctx.addIssue({ code: "custom", message: "LINLI_S3_ENDPOINT must be http(s)://host[:port] with no path, query or credentials" });
      return z.NEVER;
    }
    return url;
  }),
  // S3's bucket naming rules.
  LINLI_S3_BUCKET: required("LINLI_S3_BUCKET").pipe(
    z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "LINLI_S3_BUCKET must be 3–63 lower-case letters, digits, dots or hyphens"),
  ),
  LINLI_S3_REGION: z
    .string()
    .trim()
    .default("us-east-1")
    .pipe(z.string().regex(/^[a-z0-9-]{1,40}$/, "LINLI_S3_REGION must be a region name such as cn-north-1")),
  LINLI_S3_PREFIX: z
    .string()
    .trim()
    .default("")
    .refine((p) => p === "" || (/^[A-Za-z0-9._\/-]+$/.test(p) && !p.startsWith("/") && !p.split("/").some((s) => s === "." || s === "..")), {
      message: "LINLI_S3_PREFIX may hold letters, digits, . _ - and /, must not start with / nor contain . or .. as a part",
    })
    .transform((p) => (p === "" || p.endsWith("/") ? p : `${p}/`)),
  LINLI_S3_PATH_STYLE: z.enum(["0", "1"], { error: "LINLI_S3_PATH_STYLE must be 1 (bucket in the path) or 0 (bucket in the host name)" }).default("1"),
  LINLI_S3_ACCESS_KEY_ID: required("LINLI_S3_ACCESS_KEY_ID"),
  LINLI_S3_SECRET_ACCESS_KEY: required("LINLI_S3_SECRET_ACCESS_KEY"),
});

/** The store the environment asks for; throws with every mistake named. */
export function photoStoreConfig(env: Record<string, string | undefined>): PhotoStoreConfig {
  const kind = (env.LINLI_PHOTO_STORE ?? "").trim() || "postgres";
  if (kind === "postgres") return { kind };
  if (kind !== "s3") throw new Error(`LINLI_PHOTO_STORE must be postgres (the default) or s3, not ${JSON.stringify(kind)}`);
  const result = s3.safeParse(env);
  if (!result.success) throw new Error(`Photo store settings: ${result.error.issues.map((i) => i.message).join("; ")}`);
  const e = result.data;
  return {
    kind: "s3",
    endpoint: e.LINLI_S3_ENDPOINT,
    region: e.LINLI_S3_REGION,
    bucket: e.LINLI_S3_BUCKET,
    prefix: e.LINLI_S3_PREFIX,
    pathStyle: e.LINLI_S3_PATH_STYLE === "1",
    accessKeyId: e.LINLI_S3_ACCESS_KEY_ID,
    secretAccessKey: e.LINLI_S3_SECRET_ACCESS_KEY,
  };
}

/** Where an object lives: path style http(s)://host/bucket/prefix+key, else http(s)://bucket.host/prefix+key. */
export function objectUrl(config: S3Config, key: string): string {
  assertStoreKey(key);
  const path = (config.prefix + key).split("/").map(encodeURIComponent).join("/");
  const { protocol, host } = config.endpoint;
  return config.pathStyle ? `${protocol}//${host}/${config.bucket}/${path}` : `${protocol}//${config.bucket}.${host}/${path}`;
}
