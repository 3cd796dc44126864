import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/** A message the peer accepted (answered 250 to its DATA). */
export interface ReceivedMail {
  to: string[];
  raw: string;
}

/** A real SMTP server on 127.0.0.1 for tests, with failure modes. */
export interface SmtpPeer {
  /** `smtp://127.0.0.1:<port>` */
  readonly url: string;
  readonly received: ReceivedMail[];
  /** The next `count` messages get `code` (451: try later) after their DATA. */
  failNext(count: number, code?: number): void;
  /**
   * The next message's DATA is read but never answered; resolves once it is being held.
   * If the client goes away meanwhile, the message is dropped, not accepted — a server
   * accepts a message only by answering 250 (RFC 5321 §4.1.1.4).
   */
  holdNext(): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtpPeer(): Promise<SmtpPeer> {
  const received: ReceivedMail[] = [];
  let failures = { count: 0, code: 451 };
  let hold: (() => void) | undefined;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (hold) {
          const held = hold;
          hold = undefined;
          held();
          return;
        }
        if (failures.count > 0) {
          failures.count -= 1;
          callback(
            Object.assign(new Error('Mailbox busy, try again later'), {
              responseCode: failures.code,
            }),
          );
          return;
        }
        received.push({
          to: session.envelope.rcptTo.map((address) => address.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback(null);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    failNext: (count, code = 451) => {
      failures = { count, code };
    },
    holdNext: () => new Promise<void>((resolve) => (hold = resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
