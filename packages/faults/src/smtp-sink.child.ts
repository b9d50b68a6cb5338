/**
 * The fault scenarios' SMTP server, as a process of its own so a scenario can kill it with SIGKILL
 * mid-conversation and start it again on the same port and mail directory (apps/dev's server: one
 * copy per Message-ID, kept on disk before it answers 250). Prints one line per transmission.
 */
import { startLocalSmtpServer } from '@ip/mail';
import { smtpSinkEnv } from './env.js';

const env = smtpSinkEnv();
const server = await startLocalSmtpServer({
  port: env.port,
  dir: env.dir,
  onMessage: (m) => console.log(`smtp: kept ${m.key}`),
  onDuplicate: (key) => console.log(`smtp: duplicate ${key}`),
});
console.log(`smtp: listening on ${server.port}`);
