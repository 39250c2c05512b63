// Photos stored by a test file go to a folder of its own, removed afterwards.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";

/** Points LINLI_UPLOAD_DIR at a fresh folder for this file; returns a getter for its path. */
export function useTemporaryUploadDir(prefix = "linli-photos-"): () => string {
  let dir = "";
  const previous = process.env.LINLI_UPLOAD_DIR;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
    process.env.LINLI_UPLOAD_DIR = dir;
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.LINLI_UPLOAD_DIR;
    else process.env.LINLI_UPLOAD_DIR = previous;
    await fs.rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}
