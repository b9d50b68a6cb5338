import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';
import { createMailer, messageIdFor, SendFailure, smtpConfigFromEnv, startLocalSmtpServer, ZSmtpEnv, type OutgoingEmail, type SmtpConfig } from './index.js';
import { startSmtpFaultProxy } from './testing.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

function config(port: number, extra: Partial<SmtpConfig> = {}): SmtpConfig {
  return { ...smtpConfigFromEnv(ZSmtpEnv.parse({ SMTP_PORT: String(port) })), timeouts: { connection: 2000, greeting: 2000, socket: 5000 }, ...extra };
}
function email(key: string, to = 'sam.patel@northmoor.gov.uk'): OutgoingEmail {
  return {
    to: { name: 'Sam Patel', address: to },
    subject: `Reminder ${key}`,
    text: `Plain text for ${key}`,
    html: `<p>HTML for <strong>${key}</strong></p>`,
    messageId: messageIdFor(key, 'improvement-programme.invalid'),
  };
}
async function failure(p: Promise<unknown>): Promise<SendFailure> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(SendFailure);
  return err as SendFailure;
}

describe('SMTP configuration from the environment', () => {
  it('defaults to the embedded server on this machine, and names the field that is wrong', () => {
    const c = smtpConfigFromEnv(ZSmtpEnv.parse({}));
    expect(c).toMatchObject({ host: '127.0.0.1', port: 2525, security: 'none', rejectUnauthorized: true, auth: undefined, ambiguous: 'resend' });
    const bad = ZSmtpEnv.safeParse({ SMTP_PORT: '70000', SMTP_SECURITY: 'ssl' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['SMTP_PORT', 'SMTP_SECURITY']);
    expect(() => smtpConfigFromEnv(ZSmtpEnv.parse({ SMTP_USER: 'relay-user' }))).toThrow(/SMTP_USER and SMTP_PASSWORD/);
  });

  it('Message-IDs are derived: the same key gives the same id, another key another', () => {
    expect(messageIdFor('esc-1/a@x', 'd.example')).toBe(messageIdFor('esc-1/a@x', 'd.example'));
    expect(messageIdFor('esc-1/a@x', 'd.example')).not.toBe(messageIdFor('esc-1/b@x', 'd.example'));
    expect(messageIdFor('k', 'd.example')).toMatch(/^<[0-9a-f]{40}@d\.example>$/);
  });
});

describe('nodemailer against the local SMTP server', () => {
  it('delivers plain text and HTML with our Message-ID, kept on disk and loaded again after a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'smtp-store-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const server = await startLocalSmtpServer({ dir });
    const mailer = createMailer(config(server.port));
    const sent = await mailer.send(email('first'));
    expect(sent.response).toMatch(/^250 /);
    mailer.close();
    const [m] = server.messages();
    const parsed = await simpleParser(m!.raw);
    expect(parsed.messageId).toBe(messageIdFor('first', 'improvement-programme.invalid'));
    expect(parsed.subject).toBe('Reminder first');
    expect(parsed.text?.trim()).toBe('Plain text for first');
    expect(parsed.html).toContain('<strong>first</strong>');
    expect(m!.to).toEqual(['sam.patel@northmoor.gov.uk']);
    await server.close();
    expect(await readdir(dir)).toEqual([`${m!.key}.eml`]);
    const again = await startLocalSmtpServer({ dir, port: server.port });
    expect(again.messages().map((x) => x.messageId)).toEqual([parsed.messageId]);
    await again.close();
  });

  it('keeps one copy per Message-ID, answering 250 to the repeat and counting it', async () => {
    const server = await startLocalSmtpServer();
    cleanup.push(() => server.close());
    const mailer = createMailer(config(server.port));
    cleanup.push(() => mailer.close());
    await mailer.send(email('dup'));
    const second = await mailer.send(email('dup'));
    expect(second.response).toMatch(/^250 .*not stored twice/);
    expect(server.messages()).toHaveLength(1);
    expect({ transmissions: server.transmissions, duplicates: server.duplicates }).toEqual({ transmissions: 2, duplicates: 1 });
  });

  it('STARTTLS and a login: a relay that requires both, configured by host, port, security and auth', async () => {
    const server = await startLocalSmtpServer({ auth: { user: 'relay', pass: 'relay-secret-2026' } });
    cleanup.push(() => server.close());
    const ok = createMailer(config(server.port, { security: 'starttls', rejectUnauthorized: false, auth: { user: 'relay', pass: 'relay-secret-2026' } }));
    cleanup.push(() => ok.close());
    await ok.send(email('tls'));
    expect(server.messages()).toHaveLength(1);
    // Its certificate is self-signed: verified by default, so a production setting refuses it.
    const strict = createMailer(config(server.port, { security: 'starttls', auth: { user: 'relay', pass: 'relay-secret-2026' } }));
    cleanup.push(() => strict.close());
    expect((await failure(strict.send(email('strict')))).kind).toBe('not_sent');
    const wrong = createMailer(config(server.port, { security: 'starttls', rejectUnauthorized: false, auth: { user: 'relay', pass: 'wrong-password' } }));
    cleanup.push(() => wrong.close());
    const f = await failure(wrong.send(email('wrong')));
    expect(f.responseCode).toBe(535);
    expect(server.messages()).toHaveLength(1);
  });

  it('sorts failures by what they prove: refused for good, never sent, or unknown', async () => {
    const server = await startLocalSmtpServer({ refuseRecipient: (a) => a.startsWith('nobody@') });
    const mailer = createMailer(config(server.port));
    const refused = await failure(mailer.send(email('r', 'nobody@northmoor.gov.uk')));
    expect(refused).toMatchObject({ kind: 'refused', permanent: true, responseCode: 550 });
    mailer.close();
    await server.close();
    const down = createMailer(config(server.port));
    const notSent = await failure(down.send(email('down')));
    expect(notSent).toMatchObject({ kind: 'not_sent', permanent: false });
    down.close();
  });

  it('a server that accepts and then drops the connection: the sender cannot know; a resend is absorbed', async () => {
    const server = await startLocalSmtpServer();
    cleanup.push(() => server.close());
    const proxy = await startSmtpFaultProxy({ host: server.host, port: server.port });
    cleanup.push(() => proxy.close());
    proxy.dropNextAcceptances(1);
    const mailer = createMailer(config(proxy.port));
    cleanup.push(() => mailer.close());
    const lost = await failure(mailer.send(email('lost-ack')));
    expect(lost.kind).toBe('unknown');
    expect(proxy.dropped).toBe(1);
    expect(server.messages()).toHaveLength(1); // the server has it
    await mailer.send(email('lost-ack'));
    expect(server.messages()).toHaveLength(1);
    expect(server.duplicates).toBe(1);
  });
});
