/**
 * The little the Postgres stores need of a database: a query with `$1` parameters, and a
 * transaction. Two drivers give it: PGlite (Postgres compiled to WASM, in this process) and the
 * `postgres` driver (any Postgres server, through DATABASE_URL). The same SQL runs on both.
 */
export interface SqlClient {
  query<Row extends object>(text: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Sql extends SqlClient {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** What is behind it, for logs: "PGlite in <dir>" or "Postgres at <host>". */
  readonly describe: string;
}

/**
 * PGlite with its data in `dir` (created when missing), or in memory without one. One
 * connection: PGlite runs one query at a time and a transaction holds it until it ends, so
 * transactions never interleave here.
 */
export async function pgliteSql(dir?: string): Promise<Sql> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(dir ?? 'memory://');
  return {
    describe: dir ? `PGlite in ${dir}` : 'PGlite in memory',
    async query<Row extends object>(text: string, params?: readonly unknown[]) {
      return (await db.query<Row>(text, params ? [...params] : undefined)).rows;
    },
    transaction(work) {
      return db.transaction((tx) =>
        work({
          async query<Row extends object>(text: string, params?: readonly unknown[]) {
            return (await tx.query<Row>(text, params ? [...params] : undefined)).rows;
          },
        }),
      );
    },
    close: () => db.close(),
  };
}

/**
 * A Postgres server through the `postgres` driver: a pool of `max` connections (default 10),
 * statements prepared once per connection.
 */
export async function postgresSql(url: string, options: { max?: number } = {}): Promise<Sql> {
  const { default: postgres } = await import('postgres');
  const sql = postgres(url, { max: options.max ?? 10, onnotice: () => {}, connection: { application_name: 'fanshop' } });
  const client = (run: typeof sql): SqlClient => ({
    async query<Row extends object>(text: string, params?: readonly unknown[]) {
      return (await run.unsafe(text, (params ?? []) as never[])) as unknown as Row[];
    },
  });
  const host = (() => {
    try {
      const u = new URL(url);
      return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
    } catch {
      return 'DATABASE_URL';
    }
  })();
  return {
    describe: `Postgres at ${host}`,
    ...client(sql),
    transaction: (work) => sql.begin((tx) => work(client(tx as unknown as typeof sql))) as Promise<never>,
    close: () => sql.end({ timeout: 5 }),
  };
}
