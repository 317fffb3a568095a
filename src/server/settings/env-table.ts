import { SETTINGS } from './schema';

const RUNTIMES = { both: '', node: 'Node only: ', workers: 'Workers only: ' } as const;

/**
 * The README's table of environment variables, made from the settings schema so the two
 * cannot disagree (env-table.test.ts compares it with the README).
 */
export function envTable(): string {
  const rows = Object.entries(SETTINGS).map(([name, s]) => {
    const fallback = 'defaultText' in s && s.defaultText ? s.defaultText : s.default === undefined ? '—' : `\`${s.default}\``;
    return `| \`${name}\` | ${fallback} | ${RUNTIMES[s.runtime]}${s.doc} |`;
  });
  return ['| environment variable | default | meaning |', '|---|---|---|', ...rows].join('\n');
}
