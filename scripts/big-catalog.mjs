// @ts-check
/**
 * A big catalog for tests: `n` products made from the demo's (public/catalog.json), each with
 * its own id (`<demo id>-<i>`, variant ids too) and a word of its own (the tag `batch<i>`), so a
 * search can find one product among thousands.
 *
 *   node scripts/big-catalog.mjs 2000 test-results/big-catalog.json
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** @param {string} demoText the demo catalog's JSON @param {number} n */
export function generatedCatalog(demoText, n) {
  const demo = JSON.parse(demoText);
  const products = Array.from({ length: n }, (_, i) => {
    const p = structuredClone(demo.products[i % demo.products.length]);
    p.id = `${p.id}-${i}`;
    for (const v of p.variants ?? []) v.id = `${v.id}-${i}`;
    p.tags = [...(p.tags ?? []), `batch${i}`];
    return p;
  });
  const json = { ...demo, products };
  return { text: JSON.stringify(json), json };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [n, out] = [Number(process.argv[2]), process.argv[3]];
  if (!Number.isInteger(n) || n < 1 || !out) throw new Error('usage: node scripts/big-catalog.mjs <products> <out.json>');
  const demo = readFileSync(new URL('../public/catalog.json', import.meta.url), 'utf8');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, generatedCatalog(demo, n).text);
}
