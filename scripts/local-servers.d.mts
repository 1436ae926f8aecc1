// Types for local-servers.mjs, so TypeScript callers (the hub tests) are checked.
export interface PostgresServer {
  /** postgres://postgres@127.0.0.1:PORT (no database). */
  url: string;
  version: string;
  postmasterPid: number;
  /** Stops the server and keeps its data (a database outage); `resume` starts it again. */
  pause(): void;
  resume(): void;
  stop(): void;
}
export function postgresBin(): { bin: string; version: string } | null;
export function freePort(): Promise<number>;
export function startPostgresServer(options?: {
  durable?: boolean;
  prefix?: string;
}): Promise<PostgresServer>;
