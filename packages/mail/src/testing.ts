/**
 * Test support: a TCP proxy in front of an SMTP server that can break the conversation at the worst
 * moment for a sender — after the server has accepted a message and before its "250" reaches the
 * client. The server has the message; the client sees a dropped connection and cannot know.
 */
import { createServer, connect, type Socket } from 'node:net';

export interface SmtpFaultProxy {
  readonly port: number;
  /** How many "250 after the message" replies were swallowed, the connection dropped instead. */
  readonly dropped: number;
  /** Swallow the next `n` acceptances. */
  dropNextAcceptances(n: number): void;
  close(): Promise<void>;
}

export async function startSmtpFaultProxy(target: { host: string; port: number }): Promise<SmtpFaultProxy> {
  let toDrop = 0;
  let dropped = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    sockets.add(client).add(upstream);
    let tail = '';
    let awaitingDataReply = false;
    client.on('data', (chunk: Buffer) => {
      tail = (tail + chunk.toString('latin1')).slice(-5);
      // A line holding a single "." ends the message body (RFC 5321 §4.1.1.4).
      if (tail === '\r\n.\r\n') awaitingDataReply = true;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (awaitingDataReply) {
        awaitingDataReply = false;
        if (toDrop > 0 && chunk.toString('latin1').startsWith('250')) {
          toDrop -= 1;
          dropped += 1;
          client.destroy();
          upstream.destroy();
          return;
        }
      }
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as { port: number }).port,
    get dropped() {
      return dropped;
    },
    dropNextAcceptances(n) {
      toDrop = n;
    },
    close: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}
