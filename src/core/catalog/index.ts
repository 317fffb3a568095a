/** The catalog core as dist/server/catalog.mjs, for scripts (npm run bench): types and the parser. */
export type * from './types';
export { parseCatalog, formatProblems } from './parse';
