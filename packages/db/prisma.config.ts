/**
 * Prisma CLI configuration. `prisma generate` needs no database. The datasource URL matters only
 * to the native `prisma migrate deploy`, for machines that can download the native engine; here
 * migrations run through src/migrate/ (wasm engine), which takes the URL from its caller.
 */
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  // Read directly (not via env()), which would throw when unset and break `prisma generate`.
  datasource: { url: process.env.DATABASE_URL },
});
