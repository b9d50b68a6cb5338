/**
 * `tsx src/migrate/cli.ts deploy`      apply pending migrations to DATABASE_URL
 * `tsx src/migrate/cli.ts new <name>`  write a migration for changes to prisma/schema.prisma
 *
 * A command-line entry point, so it reads DATABASE_URL itself (apps read env through env.ts).
 */
import { performance } from 'node:perf_hooks';
import { applyMigrations, createMigration } from './index.js';
import { loadDbEnv } from '../env.js';

const USAGE = 'usage: migrate deploy | migrate new <name>';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'deploy') {
    const { DATABASE_URL: databaseUrl } = loadDbEnv();
    if (!databaseUrl) {
      console.error(
        'DATABASE_URL is not set. Set it to the PostgreSQL database to migrate, e.g.\n' +
          '  DATABASE_URL=postgresql://ip:ip@127.0.0.1:5432/ip pnpm db:migrate',
      );
      return 1;
    }
    const started = performance.now();
    const { appliedMigrationNames } = await applyMigrations({ databaseUrl });
    const ms = Math.round(performance.now() - started);
    if (appliedMigrationNames.length === 0) console.log(`No pending migrations to apply (${ms} ms).`);
    else console.log(`Applied ${appliedMigrationNames.join(', ')} (${ms} ms).`);
    return 0;
  }
  if (command === 'new') {
    const name = rest.join('_');
    if (!name) {
      console.error(`A migration name is required.\n${USAGE}`);
      return 1;
    }
    await createMigration(name);
    return 0;
  }
  console.error(USAGE);
  return 1;
}

// Exit explicitly: Prisma's schema engine leaves 10 s timers behind that would otherwise hold the
// process open after the work is done. (stdout/stderr to a pipe or file are synchronous on Linux.)
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
