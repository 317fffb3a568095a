export function generatedCatalog(demoText: string, n: number): { text: string; json: { products: { id: string; stock?: number }[] } };
