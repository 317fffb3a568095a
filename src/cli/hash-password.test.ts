import { describe, expect, it } from 'vitest';
import { parsePasswordHash, verifyPassword } from '../server/studio/password';
import { runCli } from './testing';

describe('fanshop hash-password', () => {
  it('prints a hash of the password it reads, which the studio accepts, and never the password', async () => {
    const { code, stdout, stderr } = await runCli(['hash-password'], { readSecret: async () => 'a long studio password\n' });
    expect(code).toBe(0);
    const stored = parsePasswordHash(stdout.trim());
    expect(stored).toBeDefined();
    expect(await verifyPassword('a long studio password', stored!)).toBe(true);
    expect(stdout + stderr).not.toContain('a long studio password');
    expect(stderr).toContain('FANSHOP_ADMIN_PASSWORD_HASH');
  });

  it('refuses a short password and arguments (a password on the command line stays in the shell’s history)', async () => {
    const short = await runCli(['hash-password'], { readSecret: async () => 'short' });
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('at least 12 characters');
    expect(short.stdout).toBe('');
    const given = await runCli(['hash-password', 'my password here'], { readSecret: async () => 'unused but long enough' });
    expect(given.code).toBe(2);
    expect(given.stderr).toContain('takes no arguments');
  });
});
