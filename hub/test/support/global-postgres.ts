// Vitest global setup of the `postgres` project: one PostgreSQL server for the run.
import type { TestProject } from 'vitest/node';
import { startPostgresServer } from './postgres.js';

export default async function setup(project: TestProject) {
  const server = await startPostgresServer();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
