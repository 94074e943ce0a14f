/**
 * Outgoing email through nodemailer over SMTP (`SMTP_URL`, e.g. `smtps://user:pass@mail.example:465`).
 * Without SMTP_URL the server is in development mode: each email, sign-in links included, is written to
 * the server log at info level instead of being sent.
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
}

export function createMailer(options: MailerOptions): Mailer {
  const from = options.from || 'Tandem <no-reply@localhost>';
  if (!options.smtpUrl) {
    return {
      mode: 'log',
      send: async (mail) => {
        options.log.info({ mail: { from, ...mail } }, `email to ${mail.to} (SMTP_URL is not set, so it is logged instead of sent)`);
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

export function mailerFromEnv(log: FastifyBaseLogger, env: NodeJS.ProcessEnv = process.env): Mailer {
  return createMailer({ smtpUrl: env.SMTP_URL, from: env.TANDEM_MAIL_FROM, log });
}
