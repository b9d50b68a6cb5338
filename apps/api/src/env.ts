import { z } from 'zod';

const ZApiEnv = z.object({
  DATABASE_URL: z.string().url('DATABASE_URL must be a postgresql:// URL'),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  API_HOST: z.string().default('127.0.0.1'),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Origins allowed to send state-changing requests, comma-separated. Defaults to the API's own. */
  ALLOWED_ORIGINS: z.string().optional(),
  /** Set when served over TLS (directly or behind a TLS proxy) so the session cookie is Secure. */
  COOKIE_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  CONSOLE_DIR: z.string().optional(),
  /**
   * How many reverse proxies (a TLS terminator, an ingress) stand in front of the API and append the
   * client's address to X-Forwarded-For. 0 (the default) uses the socket's address: trust the header
   * only as far as your own proxies write it, or anyone could pick the address sign-in throttles.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Local time (Europe/London, HH:MM) of the daily email digest on working days. */
  DIGEST_LOCAL_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'DIGEST_LOCAL_TIME: HH:MM (24-hour, Europe/London)').default('08:00'),
});
export type ApiEnv = z.infer<typeof ZApiEnv>;

/** The API's configuration: the only place the API reads process.env. */
export function loadApiEnv(source: NodeJS.ProcessEnv = process.env): ApiEnv {
  return ZApiEnv.parse(source);
}

const ZTestEnv = z.object({
  /** The Temporal dev server the end-to-end tests run against (infra/test.sh starts one). */
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
});

/** What the end-to-end test rig reads (it needs no database URL: it makes its own databases). */
export function loadTestEnv(source: NodeJS.ProcessEnv = process.env): z.infer<typeof ZTestEnv> {
  return ZTestEnv.parse(source);
}
