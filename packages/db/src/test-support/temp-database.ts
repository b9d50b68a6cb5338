/**
 * Test helper: a fresh, empty PostgreSQL database per test file, dropped afterwards, on the
 * server named by DATABASE_URL (default: the local test role). Tests never share schema state.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadDbEnv } from '../env.js';

/** The server tests run against; the database in it is only used to create and drop others. */
export const TEST_DATABASE_URL = loadDbEnv().DATABASE_URL ?? 'postgresql://ip:ip@127.0.0.1:5432/ip_test';

/** A throwaway database and how to remove it. */
export interface TempDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates `ip_test_<random>` and returns its URL. Call `drop()` in afterAll. */
export async function createTempDatabase(): Promise<TempDatabase> {
  const name = `ip_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    // WITH (FORCE) (PG 13+) ends connections a failed test may have leaked.
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** One row per column of the public schema's tables, for comparing two databases' shapes. */
export const COLUMNS_SQL = `
  SELECT table_name, column_name, data_type, is_nullable, column_default,
         character_maximum_length, numeric_precision, datetime_precision
  FROM information_schema.columns
  WHERE table_schema = 'public'
  ORDER BY table_name, column_name`;

/** Indexes and constraints of the public schema, normalised for comparison. */
export const INDEXES_SQL = `
  SELECT tablename, indexname, indexdef FROM pg_indexes
  WHERE schemaname = 'public' ORDER BY tablename, indexname`;
