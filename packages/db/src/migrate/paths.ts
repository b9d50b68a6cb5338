/** Locations inside this package, resolved from this file so they work from any cwd. */
import { fileURLToPath } from 'node:url';

/** Absolute path of this package's migrations folder (`packages/db/prisma/migrations`). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));

/** Absolute path of this package's Prisma schema (`packages/db/prisma/schema.prisma`). */
export const SCHEMA_PATH = fileURLToPath(new URL('../../prisma/schema.prisma', import.meta.url));
