/**
 * @ip/db — the PostgreSQL read model (projected from Temporal workflows), users and sessions.
 *
 * Import the client type and model types from here: `import type { PrismaClient } from '@ip/db'`.
 * Migrations: '@ip/db/migrate'. Demo data: '@ip/db/seed'.
 */
export * from './generated/prisma/client.js';
export {
  createEmbeddedPrisma,
  createPrisma,
  migrateEmbedded,
  type CreateEmbeddedPrismaOptions,
  type CreatePrismaOptions,
  type EmbeddedPrisma,
} from './client.js';
export { hashPassword, verifyPassword } from './passwords.js';
export {
  LIVE_CHANNEL,
  parseLiveNotification,
  pgLiveSource,
  pgliteLiveSource,
  type LiveNotification,
  type LiveSource,
  type LiveSourceHandlers,
} from './live.js';
