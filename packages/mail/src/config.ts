/**
 * SMTP configuration as environment variables. Each app's env.ts (the only readers of process.env)
 * merges ZSmtpEnv into its own schema and turns the parsed values into an SmtpConfig here, so the
 * worker, the dev process and the tools all read the same names with the same defaults.
 */
import { z } from 'zod';

/** How the connection is protected: RFC 3207 STARTTLS (required), implicit TLS (RFC 8314), or none. */
export const SMTP_SECURITY = ['starttls', 'tls', 'none'] as const;
export type TSmtpSecurity = (typeof SMTP_SECURITY)[number];

/**
 * What to do with an attempt whose outcome is unknown (the connection dropped after the message
 * was sent and before the server's answer arrived, or the sender died): send it again with the
 * same Message-ID (at least once: a receiver that keeps one copy per Message-ID, like ours, ends
 * with exactly one), or hold it as "uncertain" for an admin to resend (at most once).
 */
export const SMTP_AMBIGUOUS = ['resend', 'hold'] as const;
export type TSmtpAmbiguous = (typeof SMTP_AMBIGUOUS)[number];

const port = z.coerce.number().int().min(1, 'a port from 1 to 65535').max(65535, 'a port from 1 to 65535');

export const ZSmtpEnv = z.object({
  /** The relay (or the embedded server). Default: this machine, where the dev process listens. */
  SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  SMTP_PORT: port.default(2525),
  SMTP_SECURITY: z.enum(SMTP_SECURITY).default('none'),
  /** Refuse a relay whose certificate does not verify (set false only for a self-signed test relay). */
  SMTP_TLS_REJECT_UNAUTHORIZED: z.stringbool().default(true),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  /** The From of every email, e.g. "Improvement programme <improvement@northmoor.gov.uk>". */
  MAIL_FROM: z.string().min(3).default('Improvement programme <improvement-programme@localhost>'),
  /** Right-hand side of every Message-ID (a domain the sender controls). */
  MAIL_MESSAGE_ID_DOMAIN: z.string().regex(/^[A-Za-z0-9.-]+$/, 'a domain name').default('improvement-programme.invalid'),
  SMTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(50).default(5),
  SMTP_AMBIGUOUS: z.enum(SMTP_AMBIGUOUS).default('resend'),
});
export type TSmtpEnv = z.infer<typeof ZSmtpEnv>;

export interface SmtpConfig {
  host: string;
  port: number;
  security: TSmtpSecurity;
  rejectUnauthorized: boolean;
  auth?: { user: string; pass: string } | undefined;
  from: string;
  messageIdDomain: string;
  maxConnections: number;
  ambiguous: TSmtpAmbiguous;
  /** Milliseconds: connecting, the greeting, and any silence mid-conversation. */
  timeouts?: { connection: number; greeting: number; socket: number } | undefined;
}

/** The config from parsed env; credentials only as a pair, so a half-configured login fails loudly. */
export function smtpConfigFromEnv(env: TSmtpEnv): SmtpConfig {
  if (!!env.SMTP_USER !== !!env.SMTP_PASSWORD) {
    throw new Error('SMTP_USER and SMTP_PASSWORD: set both (authenticated relay) or neither');
  }
  return {
    host: env.SMTP_HOST,
    port: env.SMTP_PORT,
    security: env.SMTP_SECURITY,
    rejectUnauthorized: env.SMTP_TLS_REJECT_UNAUTHORIZED,
    auth: env.SMTP_USER && env.SMTP_PASSWORD ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD } : undefined,
    from: env.MAIL_FROM,
    messageIdDomain: env.MAIL_MESSAGE_ID_DOMAIN,
    maxConnections: env.SMTP_MAX_CONNECTIONS,
    ambiguous: env.SMTP_AMBIGUOUS,
  };
}
