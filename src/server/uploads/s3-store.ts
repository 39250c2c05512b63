import "server-only";
// The photo store as an S3-compatible bucket (LINLI_PHOTO_STORE=s3): three plain requests —
// PUT, GET, DELETE — signed with AWS Signature V4 by aws4fetch (docs/decisions/030). The bucket
// stays private: photos go out only through the photo route, after its visibility check, and
// a GET's body is passed on as it arrives.
import crypto from "node:crypto";
import { AwsClient } from "aws4fetch";
import type { PhotoStore } from "./store";
import { objectUrl, type S3Config } from "./store-config";

/** How long a request may wait for the store's answer (headers; a body then streams on). */
const ANSWER_TIMEOUT_MS = 15_000;

async function request(client: AwsClient, url: string, init: RequestInit): Promise<Response> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error(`no answer from the photo store within ${ANSWER_TIMEOUT_MS / 1000} s`)), ANSWER_TIMEOUT_MS);
  try {
    return await client.fetch(url, { ...init, signal: abort.signal });
  } finally {
    clearTimeout(timer);
  }
}

/** The store's refusal without its body, which may name the bucket and account. */
async function failure(response: Response, what: string): Promise<Error> {
  await response.body?.cancel().catch(() => undefined);
  return new Error(`photo store ${what}: HTTP ${response.status}`);
}

export function s3PhotoStore(config: S3Config): PhotoStore {
  const client = new AwsClient({
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    service: "s3",
    region: config.region,
    retries: 2, // 5xx and 429 only
  });
  return {
    kind: "s3",
    async put(key, body) {
      // The payload's hash is signed, so the store refuses bytes changed on the way.
      const hash = crypto.createHash("sha256").update(body).digest("hex");
      const response = await request(client, objectUrl(config, key), {
        method: "PUT",
        body: body as Uint8Array<ArrayBuffer>, // a Buffer from sharp or a file, never shared memory
        headers: { "Content-Type": "image/jpeg", "X-Amz-Content-Sha256": hash },
      });
      if (!response.ok) throw await failure(response, `PUT ${key}`);
      await response.body?.cancel().catch(() => undefined);
    },
    async get(key) {
      const response = await request(client, objectUrl(config, key), { method: "GET" });
      if (response.status === 404) {
        await response.body?.cancel().catch(() => undefined);
        return null;
      }
      if (!response.ok || !response.body) throw await failure(response, `GET ${key}`);
      const size = Number(response.headers.get("content-length"));
      if (!Number.isSafeInteger(size) || size < 0) {
        await response.body.cancel().catch(() => undefined);
        throw new Error(`photo store GET ${key}: no Content-Length`);
      }
      return { size, stream: response.body };
    },
    async delete(key) {
      const response = await request(client, objectUrl(config, key), { method: "DELETE" });
      if (!response.ok && response.status !== 404) throw await failure(response, `DELETE ${key}`);
      await response.body?.cancel().catch(() => undefined);
    },
  };
}
