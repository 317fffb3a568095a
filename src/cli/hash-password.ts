import { hashPassword, PBKDF2_ITERATIONS } from '../server/studio/password';
import type { CliIo } from './commands';

export const HASH_PASSWORD_USAGE = `Usage: fanshop hash-password
       echo -n "<password>" | fanshop hash-password

Asks for the studio's password (without showing it), or reads it from standard input, and
prints its hash for FANSHOP_ADMIN_PASSWORD_HASH. The password itself is never printed or kept.
`;

/** The least the studio takes, as FANSHOP_ADMIN_PASSWORD does (settings/schema.ts). */
const MIN_LENGTH = 12;

/**
 * `fanshop hash-password`: the password's PBKDF2 hash (server/studio/password.ts), to set as
 * FANSHOP_ADMIN_PASSWORD_HASH, so the server's settings never hold the password itself.
 */
export async function hashPasswordCommand(args: readonly string[], io: CliIo): Promise<number> {
  if (args.length) {
    io.stderr(args[0] === '--help' || args[0] === '-h' ? '' : `fanshop hash-password takes no arguments (the password is asked for, never given on the command line, where the shell's history keeps it)\n\n`);
    io.stderr(HASH_PASSWORD_USAGE);
    return args[0] === '--help' || args[0] === '-h' ? 0 : 2;
  }
  if (!io.readSecret) throw new Error('this command needs to read a password');
  const password = (await io.readSecret('Studio password: ')).replace(/\r?\n$/, '');
  if ([...password].length < MIN_LENGTH) {
    io.stderr(`✖ the password must be at least ${MIN_LENGTH} characters long\n`);
    return 1;
  }
  io.stdout(`${await hashPassword(password)}\n`);
  io.stderr(`Set it as FANSHOP_ADMIN_PASSWORD_HASH (PBKDF2-SHA256, ${PBKDF2_ITERATIONS.toLocaleString('en')} iterations); quote it in a shell, it holds $ signs.\n`);
  return 0;
}
