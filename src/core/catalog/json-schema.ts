import { toJsonSchema } from '@valibot/to-json-schema';
import { catalogFileSchema } from './schema';

/**
 * The JSON Schema of the catalog file, for editors' autocompletion (`"$schema"` in the file)
 * and `fanshop schema`. Generated from the same valibot schema that checks catalogs, so the
 * two cannot drift. Node and build time only: the widget never imports this file.
 *
 * Custom `check` actions (a calendar day that exists) have no JSON Schema equivalent; they are
 * skipped here and enforced by `parseCatalog`. Anything else that cannot be converted throws,
 * so a new rule that silently vanished from the schema fails the build instead.
 * @example JSON.stringify(catalogJsonSchema(), null, 2)
 */
export function catalogJsonSchema(): object {
  const { $schema: _draft, $id: _id, ...generated } = toJsonSchema(catalogFileSchema, {
    target: 'draft-07',
    ignoreActions: ['check'],
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Fanshop catalog',
    description: 'A Fanshop catalog file. Prices are integers of minor units (2490 is 24.90 EUR).',
    ...generated,
  };
}
