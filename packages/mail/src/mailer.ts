/**
 * The SMTP client: nodemailer's pooled transport, configured so that every send is exactly one
 * attempt whose outcome the caller records. nodemailer's pool would otherwise put a message back on
 * its queue (up to 5 times) when a connection closes mid-send, a resend nobody could see or count.
 */
import { createHash } from 'node:crypto';
import { createTransport } from 'nodemailer';
import type { SmtpConfig } from './config.js';

export interface OutgoingEmail {
  /** One recipient per message: each person's email is its own delivery, with its own record. */
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  /** The full header value, angle brackets included (see messageIdFor). */
  messageId: string;
  headers?: Record<string, string>;
}

/**
 * What an attempt's failure says about the message:
 * - refused: the server answered and refused it (4xx transient, 5xx permanent);
 * - not_sent: it never reached the server (no connection, TLS or login failed);
 * - unknown: the connection broke after the message may have been handed over; the server may
 *   have accepted it (RFC 5321 §4.1.1.4 / RFC 1047: the reply to the final "." can be lost).
 */
export type SendFailureKind = 'refused' | 'not_sent' | 'unknown';

export class SendFailure extends Error {
  constructor(
    message: string,
    readonly kind: SendFailureKind,
    /** The server refused for good (5xx other than 503): retrying the same message cannot help. */
    readonly permanent: boolean,
    readonly responseCode: number | undefined,
  ) {
    super(message);
    this.name = 'SendFailure';
  }
}

export interface SendResult {
  /** The server's answer to the message, e.g. "250 OK: stored as 3f2a…". */
  response: string;
}

export interface Mailer {
  readonly config: SmtpConfig;
  /** One attempt: resolves when the server accepted the message, throws a SendFailure otherwise. */
  send(email: OutgoingEmail): Promise<SendResult>;
  close(): void;
}

/** `<sha256(key)…@domain>`: the same key always gives the same Message-ID (RFC 5322 §3.6.4 form). */
export function messageIdFor(key: string, domain: string): string {
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 40)}@${domain}>`;
}

const CONNECT_PHASE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

interface NodemailerFailure {
  message?: string;
  code?: string;
  originalCode?: string;
  command?: string;
  responseCode?: number;
  response?: string;
  permanent?: boolean;
  timeoutType?: string;
}

/** Sorts a nodemailer error into what it proves about the message (see SendFailureKind). */
export function classifySendError(err: unknown): SendFailure {
  const e = (err ?? {}) as NodemailerFailure;
  const text = e.response ?? e.message ?? String(err);
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) {
    return new SendFailure(text, 'refused', e.permanent ?? (e.responseCode >= 500 && e.responseCode !== 503), e.responseCode);
  }
  const beforeMessage =
    CONNECT_PHASE.has(e.originalCode ?? '') || CONNECT_PHASE.has(e.code ?? '') ||
    ['EDNS', 'ETLS', 'EAUTH', 'ENOAUTH', 'ECONFIG', 'EENVELOPE'].includes(e.code ?? '') ||
    // The relay's certificate was refused while connecting (expired, self-signed, wrong name).
    /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS/.test(e.originalCode ?? '') ||
    e.timeoutType === 'CONNECT_TIMEOUT' || e.timeoutType === 'GREETING_TIMEOUT' || e.timeoutType === 'UPGRADE_TIMEOUT';
  return new SendFailure(text, beforeMessage ? 'not_sent' : 'unknown', false, e.responseCode);
}

export function createMailer(config: SmtpConfig): Mailer {
  const t = config.timeouts ?? { connection: 10_000, greeting: 10_000, socket: 30_000 };
  const transport = createTransport({
    pool: true,
    maxConnections: config.maxConnections,
    maxRequeues: 0,
    host: config.host,
    port: config.port,
    secure: config.security === 'tls',
    requireTLS: config.security === 'starttls',
    ignoreTLS: config.security === 'none',
    tls: { rejectUnauthorized: config.rejectUnauthorized },
    ...(config.auth ? { auth: config.auth } : {}),
    connectionTimeout: t.connection,
    greetingTimeout: t.greeting,
    socketTimeout: t.socket,
    allowInternalNetworkInterfaces: true,
  });
  return {
    config,
    async send(email) {
      try {
        // nodemailer types a pooled transport's reply as any; these two fields are what we read.
        const info = (await transport.sendMail({
          from: config.from,
          to: { name: email.to.name, address: email.to.address },
          subject: email.subject,
          text: email.text,
          html: email.html,
          messageId: email.messageId,
          headers: email.headers ?? {},
        })) as { rejected: unknown[]; response: string };
        if (info.rejected.length > 0) throw Object.assign(new Error(`recipient refused: ${info.response}`), { responseCode: 550, response: info.response, permanent: true });
        return { response: info.response };
      } catch (err) {
        throw err instanceof SendFailure ? err : classifySendError(err);
      }
    },
    close() {
      transport.close();
    },
  };
}
