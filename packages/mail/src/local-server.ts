/**
 * A real SMTP server that keeps what arrives, for the embedded default (`npm run dev`), the tests,
 * the fault scenarios and the bench. It relays nothing: a message addressed to anyone stays here,
 * so nothing is ever sent from the demo or a test to an address outside the machine.
 *
 * It keeps one copy per Message-ID. A sender that could not tell whether a message got through (the
 * connection broke before the server's answer arrived) sends it again with the same Message-ID;
 * this server answers 250 and keeps the first copy, so what arrives is exactly once. Every
 * transmission is still counted (`transmissions`), so a test can see the resends it absorbed.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface StoredMessage {
  /** sha256 of the Message-ID (of the bytes when a message has none): the file name on disk. */
  key: string;
  messageId: string | null;
  from: string;
  to: string[];
  receivedAt: Date;
  raw: Buffer;
}

export interface LocalSmtpServerOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Keep messages as <key>.eml files here (loaded again at start); in memory only when absent. */
  dir?: string;
  /** Require this login (AUTH PLAIN/LOGIN), to test an authenticated relay configuration. */
  auth?: { user: string; pass: string };
  /** Refuse these recipients with 550 (a permanent refusal, for tests). */
  refuseRecipient?: (address: string) => boolean;
  /** Called after each new message is stored. */
  onMessage?: (m: StoredMessage) => void;
  /** Called when a transmission repeats a Message-ID already kept (answered 250, not stored). */
  onDuplicate?: (key: string) => void;
  /**
   * Awaited after a new message is kept and before the server answers 250 (tests: a sender that
   * dies while the server has its message and it has not heard back).
   */
  beforeAnswer?: (m: StoredMessage) => Promise<void>;
}

export interface LocalSmtpServer {
  readonly host: string;
  readonly port: number;
  /** Messages kept, in arrival order, one per Message-ID. */
  messages(): StoredMessage[];
  /** Every message transmission that ended in 250, duplicates included. */
  readonly transmissions: number;
  /** Transmissions that repeated a Message-ID already kept. */
  readonly duplicates: number;
  close(): Promise<void>;
}

/** The Message-ID header's value from a raw message (unfolded), or null. */
export function messageIdOf(raw: Buffer): string | null {
  const end = raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, end < 0 ? raw.length : end).toString('latin1').replace(/\r?\n[ \t]+/g, ' ');
  const m = /^message-id:\s*(.+?)\s*$/im.exec(head);
  return m?.[1] ?? null;
}

export async function startLocalSmtpServer(opts: LocalSmtpServerOptions = {}): Promise<LocalSmtpServer> {
  const host = opts.host ?? '127.0.0.1';
  const kept = new Map<string, StoredMessage>();
  let transmissions = 0;
  let duplicates = 0;
  if (opts.dir) {
    await mkdir(opts.dir, { recursive: true });
    for (const name of (await readdir(opts.dir)).filter((n) => n.endsWith('.eml')).sort()) {
      const raw = await readFile(join(opts.dir, name));
      const key = name.slice(0, -4);
      // The envelope is not in the file; the headers say who it was for.
      kept.set(key, { key, messageId: messageIdOf(raw), from: '', to: [], receivedAt: new Date(0), raw });
    }
  }

  const options: SMTPServerOptions = {
    // STARTTLS is offered with smtp-server's built-in self-signed certificate, so a client set to
    // require it can be tested here; plain connections work too (the embedded default uses them).
    authOptional: !opts.auth,
    allowInsecureAuth: true,
    size: 10 * 1024 * 1024,
    logger: false,
    // Stopping waits at most this long for open connections (pooled clients keep theirs open).
    closeTimeout: 1000,
    banner: 'improvement-programme local SMTP server (keeps mail, relays nothing)',
    onAuth(auth, _session, callback) {
      if (opts.auth && auth.username === opts.auth.user && auth.password === opts.auth.pass) return callback(null, { user: auth.username });
      return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (opts.refuseRecipient?.(address.address)) return callback(Object.assign(new Error(`${address.address}: no such mailbox here`), { responseCode: 550 }));
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', (err) => callback(err));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const messageId = messageIdOf(raw);
        const key = createHash('sha256').update(messageId ?? raw).digest('hex');
        transmissions += 1;
        if (kept.has(key)) {
          duplicates += 1;
          opts.onDuplicate?.(key);
          callback(null, `OK: already kept ${key.slice(0, 12)} (same Message-ID), not stored twice`);
          return;
        }
        const message: StoredMessage = {
          key, messageId, raw, receivedAt: new Date(),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        kept.set(key, message);
        // Answer 250 only once the message is on disk: "accepted" means kept.
        const stored = (opts.dir ? writeFile(join(opts.dir, `${key}.eml`), raw) : Promise.resolve()).then(() => opts.beforeAnswer?.(message));
        stored.then(
          () => {
            opts.onMessage?.(message);
            callback(null, `OK: kept as ${key.slice(0, 12)}`);
          },
          (err: Error) => {
            kept.delete(key);
            callback(Object.assign(err, { responseCode: 451 }));
          },
        );
      });
    },
  };
  const server = new SMTPServer(options);
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', fail);
      ok();
    });
  });
  server.on('error', () => undefined);
  const port = (server.server.address() as { port: number }).port;
  return {
    host,
    port,
    messages: () => [...kept.values()],
    get transmissions() {
      return transmissions;
    },
    get duplicates() {
      return duplicates;
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
