// @ts-check
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { Features } from 'lightningcss';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/**
 * Puts `import { h, Fragment } from 'preact'` at the top of every .tsx file that does not
 * import `h` itself, for the classic JSX transform (Vite's jsxInject would also touch .ts files).
 * @returns {import('vite').Plugin}
 */
function injectPreactH() {
  return {
    name: 'fanshop:inject-preact-h',
    enforce: 'pre',
    transform(code, id) {
      if (!/\.tsx$/.test(id.split('?')[0] ?? '')) return null;
      const imports = /import\s*\{([^}]*)\}\s*from\s*['"]preact['"]/.exec(code)?.[1] ?? '';
      const names = ['h', 'Fragment'].filter((name) => !new RegExp(`\\b${name}\\b`).test(imports));
      return names.length ? { code: `import { ${names.join(', ')} } from 'preact';\n${code}`, map: null } : null;
    },
  };
}

/**
 * Settings every widget build shares (scripts/build.mjs) and the `npm run dev` server uses.
 * @type {import('vite').UserConfig}
 */
export const widgetBase = {
  define: { __FANSHOP_VERSION__: JSON.stringify(pkg.version) },
  // Classic JSX with `h` injected: preact's createElement is in the bundle anyway, while the
  // automatic runtime adds preact/jsx-runtime (about 200 bytes gzip). Types check against
  // tsconfig's automatic runtime, which describes the same elements.
  oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' } },
  plugins: [injectPreactH()],
  // cssTarget: the browsers with color-mix() (the oldest feature the styles need), so nothing
  // is lowered; lowering color-scheme adds --lightningcss-* variables nobody uses. Those browsers
  // lack light-dark(), for which Lightning CSS lowered color-scheme anyway (--lightningcss-light
  // and -dark in each dark scheme's rule, in every stylesheet): the styles use no light-dark().
  css: { lightningcss: { exclude: Features.LightDark } },
  build: { target: 'es2020', cssTarget: ['chrome111', 'edge111', 'firefox113', 'safari16.2'], minify: process.env.FANSHOP_NOMINIFY ? false : true, sourcemap: false },
};

/**
 * What the server's builds (scripts/build.mjs, build-worker.mjs) are told of the widget's: the
 * hashed name of the first view's stylesheet in dist/client, built before them.
 * @returns {Record<string, string>}
 */
export function serverDefines() {
  const dir = new URL('../dist/client/', import.meta.url);
  const css = readdirSync(dir).find((f) => /^fanshop-first-view-[\w-]{8}\.css$/.test(f));
  if (!css) throw new Error('[fanshop] no fanshop-first-view-*.css in dist/client: build the widget first (npm run build)');
  // Sent inside the pages that need them before their first paint (server/pages/inline-styles.ts),
  // allowed by the strict CSP through their hashes: the first view's stylesheet, and the /shop and
  // /p pages' own.
  /** @type {Record<string, string>} */
  const styles = {};
  for (const path of [`/${css}`, '/demo/shop-page.css', '/product-page.css']) {
    const text = readFileSync(new URL(`.${path}`, dir), 'utf8');
    if (/<\//.test(text)) throw new Error(`[fanshop] ${path} has "</" in it, which cannot go inside a <style> element`);
    styles[path] = text;
  }
  const hashes = Object.values(styles).map((text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
  return { __FANSHOP_FIRST_VIEW_CSS__: JSON.stringify(`/${css}`), __FANSHOP_INLINE_STYLES__: JSON.stringify(styles), __FANSHOP_INLINE_STYLE_HASHES__: JSON.stringify(hashes) };
}
