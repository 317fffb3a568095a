// @vitest-environment node
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * core/ runs in the browser, in Node and in Workers (STYLE.md habit 2), so it may import
 * neither Preact, nor the DOM, nor Node built-ins. Reading the source catches an import before
 * any bundle does; running the parser below catches a global the text check missed.
 */

const coreDir = fileURLToPath(new URL('.', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Comments may mention `window`; code may not. Strings stay, so import specifiers survive. */
const withoutComments = (source: string): string =>
  source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\'"`])\/\/.*$/gm, '$1');

const importSpecifiers = (source: string): string[] =>
  [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g)].map((match) => match[1] as string);

const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const forbiddenSpecifier = (specifier: string): boolean =>
  /^(?:preact|react|node:)/.test(specifier) || builtins.has(specifier) || builtins.has(specifier.split('/')[0] ?? '');

const platformGlobals =
  /\b(?:document|window|localStorage|sessionStorage|navigator|location|HTMLElement|process|Buffer|__dirname|require)\b/;

const files = sourceFiles(coreDir);

describe('core/ stays platform-free', () => {
  it('has source files to check', () => {
    expect(files.map((file) => relative(coreDir, file))).toContain(join('catalog', 'parse.ts'));
  });

  it.each(files.map((file) => [relative(coreDir, file), file]))('%s imports no Preact, DOM or Node module', (_name, file) => {
    const specifiers = importSpecifiers(withoutComments(readFileSync(file as string, 'utf8')));
    expect(specifiers.filter(forbiddenSpecifier)).toEqual([]);
  });

  it.each(files.map((file) => [relative(coreDir, file), file]))('%s uses no browser or Node global', (_name, file) => {
    const lines = withoutComments(readFileSync(file as string, 'utf8')).split('\n');
    expect(lines.filter((line) => platformGlobals.test(line))).toEqual([]);
  });

  it('flags the imports and globals it is meant to catch', () => {
    const sample = "import { h } from 'preact';\nimport { readFile } from 'node:fs';\nimport path from 'path';\n";
    expect(importSpecifiers(sample).filter(forbiddenSpecifier)).toEqual(['preact', 'node:fs', 'path']);
    expect(platformGlobals.test('const el = document.body;')).toBe(true);
  });

  it('parses a catalog where no DOM global exists', async () => {
    expect(typeof (globalThis as Record<string, unknown>).document).toBe('undefined');
    expect(typeof (globalThis as Record<string, unknown>).window).toBe('undefined');
    const { parseCatalog } = await import('./catalog/index');
    const result = parseCatalog({
      shop: { id: 'shop', name: 'Shop', currency: 'EUR', defaultLocale: 'en', baseUrl: 'https://shop.example.com' },
      products: [{ id: 'mug', title: 'Mug', price: 1200 }],
    });
    expect(result.ok).toBe(true);
  });
});
