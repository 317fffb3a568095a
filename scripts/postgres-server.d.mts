export function postgresBin(): string | undefined;
export function startPostgres(options?: { log?: (text: string) => void }): Promise<{ url: string; port: number; stop(): Promise<void> }>;
