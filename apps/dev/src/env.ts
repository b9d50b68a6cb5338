import { z } from 'zod';

const ZDevEnv = z.object({
  DEV_DATA_DIR: z.string().default('.data'),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_UI_URL: z.string().default('http://127.0.0.1:8233'),
  API_HOST: z.string().default('127.0.0.1'),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  CONSOLE_DIR: z.string().default('apps/console/dist'),
  /** The embedded SMTP server (keeps every email in DEV_DATA_DIR/mail, relays nothing). */
  SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  /** Local time (Europe/London) of the daily digest. */
  DIGEST_LOCAL_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'DIGEST_LOCAL_TIME: HH:MM').default('08:00'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
});
export type DevEnv = z.infer<typeof ZDevEnv>;

/** Configuration of the embedded one-process system: the only place it reads process.env. */
export function loadDevEnv(source: NodeJS.ProcessEnv = process.env): DevEnv {
  return ZDevEnv.parse(source);
}
