// `npm run photos:import`: moves photos kept as files by earlier versions (LINLI_UPLOAD_DIR,
// default .data/uploads) into the photo store — the database, or the bucket configured with
// LINLI_PHOTO_STORE=s3. `npm start` runs it itself when that folder holds photos; run it by hand
// when the portal is started some other way, with DATABASE_URL and the store's settings as the
// portal has them. Safe to run again; it deletes nothing (docs/operations.md, "Photos").
//
// Runs under the "react-server" condition (package.json), because the app's server modules
// import "server-only".
import { importPhotoFiles } from "../src/server/uploads/import-files";
import { IMPORTED, UNREFERENCED } from "../src/server/uploads/store-config";
import { uploadDir } from "./lib/data-paths";

const say = (line: string) => process.stdout.write(`[photos] ${line}\n`);

async function main() {
  if (!process.env.DATABASE_URL) {
    throw new Error("Set DATABASE_URL to the portal's database (with the embedded database, `npm start` imports the photos itself).");
  }
  const dir = uploadDir();
  const { imported, unreferenced, failed, left } = await importPhotoFiles(dir, say);
  if (imported + unreferenced + failed.length === 0) say(`no photo files to import in ${dir}`);
  if (imported) say(`${imported} photo(s) now in the photo store; the files are kept in ${dir}/${IMPORTED} — remove that folder once the portal shows them`);
  if (unreferenced) say(`${unreferenced} file(s) that no photo names moved to ${dir}/${UNREFERENCED}`);
  if (left.length) say(`left as they were (not photo files of the portal): ${left.join(", ")}`);
  const { db } = await import("../src/server/db/client");
  await db.$disconnect();
  if (failed.length)
    throw new Error(`${failed.length} photo file(s) could not be imported (see above); they stay in ${dir}. Run again once the cause is fixed.`);
}

main().catch((error: Error) => {
  process.stderr.write(`[photos] ${error.message}\n`);
  process.exit(1);
});
