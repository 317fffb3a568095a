/**
 * Catalog ids from shop names and handles: letters, digits and "-" only (the catalog's rule,
 * docs/catalog-format.md), German letters spelled out, and unique within the file.
 */

const SPELLED: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', å: 'a' };

/**
 * @example slugify('Größe XL / Blau') // 'groesse-xl-blau'
 */
export function slugify(text: string, fallback = 'item'): string {
  const slug = text
    .replace(/[äöüÄÖÜßæøœå]/g, (c) => SPELLED[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z\d]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** Hands out ids, adding "-2", "-3" … to one already taken. */
export function uniqueIds(): (wanted: string) => string {
  const taken = new Set<string>();
  return (wanted) => {
    let id = wanted;
    for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
    taken.add(id);
    return id;
  };
}
