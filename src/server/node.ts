import { fileURLToPath } from 'node:url';
import { startNodeServer } from './node-server';
import { SettingsError } from './settings/schema';

/**
 * `npm start` (dist/server/node.mjs): the shop on http://localhost:8787 (PORT overrides), its
 * settings from the environment (README: environment variables). A setting that cannot work
 * stops it with a message naming the variable, and exit code 1.
 */
try {
  await startNodeServer(process.env, { clientDir: fileURLToPath(new URL('../client/', import.meta.url)) });
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(error.message);
  process.exit(1);
}
