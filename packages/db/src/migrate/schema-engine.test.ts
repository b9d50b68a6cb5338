import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPg } from '@prisma/adapter-pg';
import { describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from '../test-support/temp-database.js';
import { schemaEngineVersion, withSchemaEngine } from './schema-engine.js';

describe('withSchemaEngine', () => {
  it('loads the wasm engine matching the prisma CLI', async () => {
    expect(await schemaEngineVersion()).toBe('0edf323efd1d98336f3f0a68684b56f689b900d3');
  });

  it('talks to PostgreSQL through the driver adapter', async () => {
    const version = await withSchemaEngine({ adapterFactory: new PrismaPg({ connectionString: TEST_DATABASE_URL }) }, (engine) =>
      engine.version(),
    );
    expect(version).toMatch(/^PostgreSQL \d+/);
  });

  it('surfaces the original error thrown inside the adapter, not "External error id#N"', async () => {
    const failing: SqlMigrationAwareDriverAdapterFactory = {
      provider: 'postgres',
      adapterName: 'failing',
      connect: () => Promise.reject(new Error('cannot reach the database: boom')),
      connectToShadowDb: () => Promise.reject(new Error('unused')),
    };
    await expect(withSchemaEngine({ adapterFactory: failing }, (engine) => engine.version())).rejects.toThrow(
      /cannot reach the database: boom/,
    );
  });

  it('reports a Rust panic with its message and stays usable afterwards', async () => {
    const adapterFactory = new PrismaPg({ connectionString: TEST_DATABASE_URL });
    await expect(
      withSchemaEngine({ adapterFactory }, async (engine) => engine.debugPanic()),
    ).rejects.toThrow(/panicked: .*debugPanic artificial panic/s);
    expect(await withSchemaEngine({ adapterFactory }, (engine) => engine.version())).toMatch(/^PostgreSQL/);
  });
});
