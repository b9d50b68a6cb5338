import { z } from 'zod';

const ZDbEnv = z.object({
  /** The PostgreSQL database to migrate (the migration CLI) or to test against (tests). */
  DATABASE_URL: z.string().min(1).optional(),
});

/** The db package's configuration: the only place it reads process.env. */
export function loadDbEnv(source: NodeJS.ProcessEnv = process.env): z.infer<typeof ZDbEnv> {
  return ZDbEnv.parse({ DATABASE_URL: source.DATABASE_URL || undefined });
}
