// The S3-compatible photo store: its settings, where each key goes, and its three requests
// against a small S3 stand-in on loopback (no S3 server runs here; the PostgreSQL store is the
// one the integration and browser tests use end to end).
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { s3PhotoStore } from "./s3-store";
import { objectUrl, photoStoreConfig, type S3Config } from "./store-config";

const s3Env = {
  LINLI_PHOTO_STORE: "s3",
  LINLI_S3_ENDPOINT: "https://s3.cn-north-1.amazonaws.com.cn",
  LINLI_S3_BUCKET: "linli-photos",
  LINLI_S3_REGION: "cn-north-1",
  LINLI_S3_ACCESS_KEY_ID: "AKIDEXAMPLE",
  LINLI_S3_SECRET_ACCESS_KEY: "secret-example",
};
const s3 = (env: Record<string, string | undefined>) => photoStoreConfig(env) as S3Config;
const KEY = "0f0e7a52-6a43-4a0e-9b55-2d2c3c1d9f10.jpg";

describe("photo store settings", () => {
  it("uses PostgreSQL unless told otherwise, and refuses an unknown store", () => {
    expect(photoStoreConfig({})).toEqual({ kind: "postgres" });
    expect(photoStoreConfig({ LINLI_PHOTO_STORE: "postgres" })).toEqual({ kind: "postgres" });
    expect(() => photoStoreConfig({ LINLI_PHOTO_STORE: "disk" })).toThrow(/LINLI_PHOTO_STORE must be postgres .* or s3/);
  });

  it("reads an S3 store with its defaults", () => {
    const { LINLI_S3_REGION: _region, ...withoutRegion } = s3Env;
    expect(s3(withoutRegion)).toMatchObject({ region: "us-east-1", prefix: "", pathStyle: true, bucket: "linli-photos" });
    expect(s3({ ...s3Env, LINLI_S3_PREFIX: "linli/photos", LINLI_S3_PATH_STYLE: "0" })).toMatchObject({
      region: "cn-north-1",
      prefix: "linli/photos/",
      pathStyle: false,
    });
  });

  it("names every missing or malformed setting", () => {
    const missing = () => photoStoreConfig({ LINLI_PHOTO_STORE: "s3" });
    for (const name of ["LINLI_S3_ENDPOINT", "LINLI_S3_BUCKET", "LINLI_S3_ACCESS_KEY_ID", "LINLI_S3_SECRET_ACCESS_KEY"]) expect(missing).toThrow(name);
    const bad = (change: Record<string, string>) => () => photoStoreConfig({ ...s3Env, ...change });
    expect(bad({ LINLI_S3_ENDPOINT: "s3.example.cn" })).toThrow(/LINLI_S3_ENDPOINT must be a URL/);
    expect(bad({ LINLI_S3_ENDPOINT: "ftp://s3.example.cn" })).toThrow(/LINLI_S3_ENDPOINT must be http\(s\)/);
    expect(bad({ LINLI_S3_ENDPOINT: "https://s3.example.cn/photos" })).toThrow(/no path/);
    expect(bad({ LINLI_S3_ENDPOINT: "https://user:pw@s3.example.cn" })).toThrow(/credentials/);
    expect(bad({ LINLI_S3_BUCKET: "Linli_Photos" })).toThrow(/LINLI_S3_BUCKET/);
    expect(bad({ LINLI_S3_REGION: "cn north" })).toThrow(/LINLI_S3_REGION/);
    expect(bad({ LINLI_S3_PATH_STYLE: "yes" })).toThrow(/LINLI_S3_PATH_STYLE/);
    for (const prefix of ["/photos", "a/../b", "./photos", "photos?x=1", "照片"]) expect(bad({ LINLI_S3_PREFIX: prefix }), prefix).toThrow(/LINLI_S3_PREFIX/);
  });

  it("never puts the secret in its messages", () => {
    try {
      photoStoreConfig({ ...s3Env, LINLI_S3_BUCKET: "" });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain("secret-example");
    }
  });
});

describe("where a key goes", () => {
  it("puts the bucket in the path or in the host name, after the prefix", () => {
    expect(objectUrl(s3(s3Env), KEY)).toBe(`https://s3.cn-north-1.amazonaws.com.cn/linli-photos/${KEY}`);
    expect(objectUrl(s3({ ...s3Env, LINLI_S3_PATH_STYLE: "0", LINLI_S3_PREFIX: "city/photos/" }), KEY)).toBe(
      `https://linli-photos.s3.cn-north-1.amazonaws.com.cn/city/photos/${KEY}`,
    );
    expect(objectUrl(s3({ ...s3Env, LINLI_S3_ENDPOINT: "http://10.0.0.5:9000" }), KEY)).toBe(`http://10.0.0.5:9000/linli-photos/${KEY}`);
  });

  it("refuses a key that could leave the prefix or the bucket", () => {
    const config = s3(s3Env);
    for (const key of ["", "../other-bucket/x.jpg", "a/b.jpg", "..jpg", ".hidden", "x.jpg?acl", "%2e%2e", "照片.jpg", "a".repeat(200)]) {
      expect(() => objectUrl(config, key), key).toThrow(/Not a photo store key/);
    }
  });
});

// ---------------------------------------------------------------------------------------
// A stand-in for S3 on loopback: keeps objects in memory and records what it was sent.

type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders; body: Buffer };
const objects = new Map<string, Buffer>();
const seen: Seen[] = [];
let failNext = 0;
let server: http.Server;
let endpoint: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => {
      const body = Buffer.concat(parts);
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      if (failNext > 0) {
        failNext--;
        res.writeHead(503, { "Content-Type": "application/xml" }).end("<Error><Code>SlowDown</Code><BucketName>linli-photos</BucketName></Error>");
        return;
      }
      const key = req.url!;
      if (req.method === "PUT") {
        objects.set(key, body);
        res.writeHead(200, { ETag: `"${crypto.createHash("md5").update(body).digest("hex")}"` }).end();
      } else if (req.method === "GET") {
        const object = objects.get(key);
        if (!object) res.writeHead(404, { "Content-Type": "application/xml" }).end("<Error><Code>NoSuchKey</Code></Error>");
        else res.writeHead(200, { "Content-Type": "image/jpeg", "Content-Length": String(object.length) }).end(object);
      } else if (req.method === "DELETE") {
        objects.delete(key);
        res.writeHead(204).end();
      } else res.writeHead(405).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function drain(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of stream as unknown as AsyncIterable<Uint8Array>) parts.push(part);
  return Buffer.concat(parts);
}

describe("the S3 store's requests", () => {
  const store = () => s3PhotoStore(s3({ ...s3Env, LINLI_S3_ENDPOINT: endpoint, LINLI_S3_PREFIX: "photos" }));

  it("puts, gets as a stream and deletes under bucket/prefix/key, each request signed", async () => {
    seen.length = 0;
    const body = crypto.randomBytes(300_000);
    await store().put(KEY, body);
    const put = seen[0];
    expect(put).toMatchObject({ method: "PUT", url: `/linli-photos/photos/${KEY}` });
    expect(put.body.equals(body)).toBe(true);
    expect(put.headers["content-type"]).toBe("image/jpeg");
    // The payload's hash is part of what is signed, so the store can refuse altered bytes.
    expect(put.headers["x-amz-content-sha256"]).toBe(crypto.createHash("sha256").update(body).digest("hex"));
    expect(put.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/cn-north-1\/s3\/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
    expect(put.headers.authorization).not.toContain("secret-example");

    const got = await store().get(KEY);
    expect(got?.size).toBe(body.length);
    expect((await drain(got!.stream)).equals(body)).toBe(true);
    expect(seen[1]).toMatchObject({ method: "GET", url: `/linli-photos/photos/${KEY}` });
    expect(seen[1].headers.authorization).toMatch(/^AWS4-HMAC-SHA256 /);

    await store().delete(KEY);
    expect(seen[2]).toMatchObject({ method: "DELETE", url: `/linli-photos/photos/${KEY}` });
    expect(await store().get(KEY), "gone after delete").toBeNull();
    await expect(store().delete(KEY), "deleting again is no error").resolves.toBeUndefined();
  });

  it("retries a busy store, and reports a refusal by its status alone", async () => {
    seen.length = 0;
    failNext = 1;
    await store().put(KEY, Buffer.from("jpeg"));
    expect(seen.map((s) => s.method)).toEqual(["PUT", "PUT"]);
    failNext = 10;
    const error = await store()
      .get(KEY)
      .then(
        () => null,
        (e: Error) => e,
      );
    failNext = 0;
    expect(error?.message).toBe(`photo store GET ${KEY}: HTTP 503`);
  });
});
