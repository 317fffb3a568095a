import { main, nodeIo, type CliIo } from './commands';

/**
 * For the CLI's tests: runs `fanshop` with its output captured, on the real disk and network
 * (`nodeIo`) unless `io` replaces a part of it (an `env`, a `readFile`).
 */
export async function runCli(argv: readonly string[], io: Partial<CliIo> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { ...nodeIo, ...io, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
  return { code, stdout, stderr };
}
