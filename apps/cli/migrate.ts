import { ConfigError, loadConfig } from '#libs/config';
import { prepareDatabase } from '#libs/database';

/** `npm run db:migrate`: applies pending migrations (to the embedded database when DATABASE_URL is unset). */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await prepareDatabase(config, (message) => console.log(message));
  console.log('database schema is up to date');
  await database.stop();
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
