import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, type TempDatabase } from '../test-support/temp-database.js';

const run = promisify(execFile);
const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

/** Runs the CLI as `pnpm migrate` does (a fresh tsx process), returning exit code and output. */
async function cli(args: string[], env: Record<string, string | undefined>) {
  const started = performance.now();
  const childEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  try {
    const { stdout, stderr } = await run('npx', ['tsx', CLI, ...args], { cwd: PACKAGE_DIR, env: childEnv });
    return { code: 0, stdout, stderr, ms: performance.now() - started };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr, ms: performance.now() - started };
  }
}

describe('migrate CLI', () => {
  let db: TempDatabase;
  beforeAll(async () => {
    db = await createTempDatabase();
  });
  afterAll(() => db?.drop());

  it('deploy applies the migrations and exits by itself', async () => {
    const first = await cli(['deploy'], { DATABASE_URL: db.url });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Applied \d{14}_init/);
    // The engine leaves 10 s timers behind; cli.ts exits explicitly so they cannot hold it open
    // (a hang would time this test out). How long it takes is the benchmark's business, not a test's.

    const second = await cli(['deploy'], { DATABASE_URL: db.url });
    expect(second.stdout).toMatch(/No pending migrations to apply/);
  });

  it('deploy without DATABASE_URL explains what to set', async () => {
    const result = await cli(['deploy'], { DATABASE_URL: undefined });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/DATABASE_URL is not set/);
  });

  it('new without a name prints usage', async () => {
    const result = await cli(['new'], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/migration name is required/);
  });
});
