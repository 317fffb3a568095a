// A throwaway Postgres server for tests and the bench: Debian's `postgresql` package (the
// binaries in /usr/lib/postgresql/<version>/bin), a new cluster in a temporary directory, on a
// free port of the loopback address. `.ci/run` installs the package; without it this throws,
// saying how to get it, so a test run fails instead of skipping the real server.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The newest installed Postgres' bin directory, or undefined. */
export function postgresBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

/** The uid and gid of Debian's `postgres` user, whom the package makes. */
function postgresUser() {
  const line = execFileSync('getent', ['passwd', 'postgres'], { encoding: 'utf8' }).trim();
  const [, , uid, gid] = line.split(':');
  if (!uid || !gid) throw new Error('[fanshop] Postgres cannot run as root, and there is no postgres user to run it as');
  return { uid: Number(uid), gid: Number(gid) };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a server and answers `{ url, stop }`. Postgres refuses to run as root: as root, the
 * cluster belongs to the package's `postgres` user and its processes run as that user.
 * `fsync` stays on, so what a crash test sees is what a real server keeps.
 */
export async function startPostgres({ log = () => {} } = {}) {
  const bin = postgresBin();
  if (!bin) {
    throw new Error(
      '[fanshop] the tests need a Postgres server: install Debian\'s package (apt-get install -y postgresql), or set FANSHOP_TEST_DATABASE_URL to a database they may fill and empty',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'fanshop-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const user = process.getuid?.() === 0 ? postgresUser() : {};
  const run = (command, args) => [join(bin, command), args];
  const port = await freePort();
  execFileSync(...run('initdb', ['-D', data, '-U', 'fanshop', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-instructions']), { stdio: 'pipe', ...user });
  const server = spawn(...run('postgres', ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'shared_buffers=32MB']), {
    stdio: ['ignore', 'ignore', 'pipe'],
    ...user,
  });
  let stderr = '';
  server.stderr.on('data', (chunk) => {
    stderr += chunk;
    log(String(chunk));
  });
  const url = `postgres://fanshop@127.0.0.1:${port}/postgres`;
  // Ready when it accepts connections (pg_isready), within 30 s.
  const started = Date.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error(`[fanshop] the test Postgres server stopped at start:\n${stderr}`);
    try {
      execFileSync(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-q']);
      break;
    } catch {
      if (Date.now() - started > 30_000) {
        server.kill('SIGKILL');
        throw new Error(`[fanshop] the test Postgres server did not start in 30 s:\n${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    port,
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        // SIGINT: Postgres' fast shutdown.
        server.kill('SIGINT');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        if (server.exitCode === null) server.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
