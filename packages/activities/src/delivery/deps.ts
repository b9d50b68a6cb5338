import type { Mailer } from '@ip/mail';

/** What the delivery activities are given by the worker (and by tests, the same shape). */
export interface DeliveryDeps {
  mailer: Mailer;
  /** The console's address as recipients reach it, for the links in each email. */
  consoleUrl: string;
  /** Attempts (each one a Temporal activity attempt) before a delivery shows "not delivered". */
  maxAttempts: number;
  /** How long a claimed attempt keeps others off: longer than the SMTP client's own timeouts. */
  leaseMs: number;
  /** Local time (Europe/London) of the daily digest, for the digest's words. */
  digestLocalTime?: string;
  now?: () => number;
}
