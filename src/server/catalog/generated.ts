/**
 * A big catalog for tests, made from the demo's products: `n` products with their own ids
 * (`<demo id>-<i>`, variant ids too), in the demo's categories, each with a word of its own so
 * searches find few.
 */
export function generatedCatalog(demoText: string, n: number): { text: string; json: { products: { id: string; stock?: number }[] } } {
  const demo = JSON.parse(demoText) as { products: Record<string, unknown>[] };
  const products = Array.from({ length: n }, (_, i) => {
    const p = structuredClone(demo.products[i % demo.products.length]!) as Record<string, unknown> & { id: string; variants?: { id: string }[]; tags?: string[] };
    p.id = `${p.id}-${i}`;
    for (const v of p.variants ?? []) v.id = `${v.id}-${i}`;
    p.tags = [...(p.tags ?? []), `batch${i}`];
    return p;
  });
  const json = { ...demo, products };
  return { text: JSON.stringify(json), json: json as never };
}
