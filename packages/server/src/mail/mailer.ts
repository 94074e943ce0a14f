/**
 * Outgoing email through nodemailer over SMTP (`SMTP_URL`, e.g. `smtps://user:pass@mail.example:465`).
 * Without SMTP_URL each email is written to the server log at info level instead of being sent: in full
 * (sign-in links included) in development and demo mode, where that is how a developer signs in; otherwise
 * only who it was for and its subject, since a sign-in link in a production log signs in whoever reads it.
 */
import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  readonly mode: 'smtp' | 'log';
  send(mail: Mail): Promise<void>;
  close(): void;
}

export interface MailerOptions {
  smtpUrl?: string | undefined;
  /** The From address (default `TANDEM_MAIL_FROM` or `Tandem <no-reply@localhost>`). */
  from?: string | undefined;
  log: FastifyBaseLogger;
  /** Log mode only: write each email's text (which may hold a sign-in link) to the log. Development and demo only. */
  logContents?: boolean;
}

export function createMailer(options: MailerOptions): Mailer {
  const from = options.from || 'Tandem <no-reply@localhost>';
  if (!options.smtpUrl) {
    return {
      mode: 'log',
      send: async (mail) => {
        if (options.logContents) {
          options.log.info({ mail: { from, ...mail } }, `email to ${mail.to} (SMTP_URL is not set, so it is logged instead of sent)`);
        } else {
          options.log.info(
            { mail: { from, to: mail.to, subject: mail.subject } },
            `email to ${mail.to} not sent: SMTP_URL is not set (its text, which may hold a sign-in link, is logged only in development or demo mode)`,
          );
        }
      },
      close: () => {},
    };
  }
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    mode: 'smtp',
    send: async (mail) => {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}

export function mailerFromEnv(
  log: FastifyBaseLogger,
  env: NodeJS.ProcessEnv = process.env,
  options: { logContents?: boolean } = {},
): Mailer {
  return createMailer({ smtpUrl: env.SMTP_URL, from: env.TANDEM_MAIL_FROM, log, logContents: options.logContents ?? false });
}
