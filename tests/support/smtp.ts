import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { freePort } from "./free-port";

/** A message the SMTP server read: its envelope's recipients and the parsed message. */
export type Received = { envelopeTo: string[]; mail: ParsedMail };

export type TestSmtp = { url: string; received: Received[]; close(): Promise<void> };

/**
 * A real SMTP server (smtp-server on a free port of loopback, no TLS, no AUTH) that parses every DATA with
 * mailparser and keeps it in `received`, in order. `answer` decides whether a message is acknowledged (false: it is
 * never answered, as a server that hangs after DATA); `onRcptTo` may refuse a recipient.
 */
export async function startSmtpServer(
  options: { answer?: (message: Received) => boolean; onRcptTo?: SMTPServerOptions["onRcptTo"] } = {},
): Promise<TestSmtp> {
  const port = await freePort();
  const received: Received[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo: options.onRcptTo,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const message = { envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address), mail };
          received.push(message);
          if (options.answer?.(message) ?? true) callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(port, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
