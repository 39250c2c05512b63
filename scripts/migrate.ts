// `npm run db:migrate`: apply pending migrations to the server of DATABASE_URL.
import { migrate } from "../src/server/db/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write("Set DATABASE_URL to the database to migrate (`npm start` migrates the embedded one itself).\n");
  process.exit(1);
}
migrate(url, (line) => process.stdout.write(`${line}\n`)).then(
  (applied) => process.stdout.write(applied.length ? `applied ${applied.length} migration(s)\n` : "the database is up to date\n"),
  (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
);
