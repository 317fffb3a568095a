/**
 * JSON paths as merchants read them in problem reports: `products[3].variants[1].price`,
 * `title["de-AT"]`; the root is the empty string.
 * @example childPath('products[3]', 'price') // "products[3].price"
 */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent ? `${parent}.${key}` : key;
}

/**
 * Joins a list of keys onto a parent path.
 * @example joinPath('', ['products', 3, 'price']) // "products[3].price"
 */
export function joinPath(parent: string, keys: readonly (string | number)[]): string {
  return keys.reduce<string>(childPath, parent);
}
