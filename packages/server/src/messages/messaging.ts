/** The identity and messaging services one server process shares: sealing key, verifier, mailer, translator, realtime hub. */
import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseConfig, TandemDatabase } from '../db/database.js';
import { HostSignedIdentityVerifier, type HostVerifierOptions } from '../identity/host-verifier.js';
import { ServerKey } from '../identity/server-key.js';
import { emailNotificationSink } from '../mail/email-notifications.js';
import { mailerFromEnv, type Mailer } from '../mail/mailer.js';
import type { NotificationSink } from '../notifications.js';
import { translationProviderFromEnv } from '../translation/from-env.js';
import type { TranslationProvider } from '../translation/provider.js';
import { Translator } from '../translation/translator.js';
import { listenForMessages, type Listener } from './pg-listener.js';
import { pruneExpiredCredentials } from './prune.js';
import { RealtimeHub } from './realtime.js';

export interface MessagingOptions {
  /** Sends email; default: SMTP through `SMTP_URL`, or the server log when it is unset. */
  mailer?: Mailer;
  /** Translates messages; default: Apertium APy at `TANDEM_TRANSLATION_URL`, or none. `null` turns translation off. */
  translationProvider?: TranslationProvider | null;
  /** Seals stored secrets; default `TANDEM_SECRET_KEY`, else a random key kept in the database. */
  secretKey?: string;
  /**
   * This server's public address (default `TANDEM_PUBLIC_URL`; `tandem-server start` falls back to the address it
   * listens on). Sign-in links point here when the family's page gave no return URL. Never taken from a request:
   * its Host header is the sender's to choose, and a link carries a sign-in token.
   */
  publicUrl?: string;
  /**
   * Origins (`https://school.example`) whose pages may receive sign-in links, besides `publicUrl`'s
   * (default: `TANDEM_SIGN_IN_ORIGINS`, comma-separated). A link carries a sign-in token, so it must
   * never be sent to a page someone else chose.
   */
  signInOrigins?: string[];
  /** How often each process looks for messages written by other processes (default 1000 ms; on PostgreSQL, LISTEN/NOTIFY wakes it sooner). */
  realtimePollMs?: number;
  /** Comment lines that keep idle event streams open through proxies (default 20000 ms). */
  heartbeatMs?: number;
  identity?: HostVerifierOptions;
  /**
   * Development or demo mode (default: NODE_ENV is development or test; `buildApp({ demo: true })` turns it on):
   * mail logged instead of sent shows its text, sign-in links included, and JWKS URLs may be http://localhost.
   */
  development?: boolean;
}

export interface Messaging {
  serverKey: ServerKey;
  identityVerifier: HostSignedIdentityVerifier;
  mailer: Mailer;
  translator: Translator;
  hub: RealtimeHub;
  publicUrl: string | undefined;
  /** Whether a sign-in link may lead to `url`: only to configured origins, never to one a request names. */
  mayReturnTo(url: string): boolean;
  heartbeatMs: number;
  /** Wraps the logging sink so families who left an email also hear by email. */
  notificationSink(inner: NotificationSink): NotificationSink;
  close(): Promise<void>;
}

export function createMessaging(
  database: TandemDatabase,
  log: FastifyBaseLogger,
  options: MessagingOptions = {},
  config?: DatabaseConfig,
): Messaging {
  const serverKey = new ServerKey(database.db, options.secretKey ?? (process.env.TANDEM_SECRET_KEY || undefined));
  const development = options.development ?? (process.env.NODE_ENV === 'development' || process.env.NODE_ENV === 'test');
  const mailer = options.mailer ?? mailerFromEnv(log, process.env, { logContents: development });
  const provider = options.translationProvider === undefined ? translationProviderFromEnv() : options.translationProvider;
  const publicUrl = options.publicUrl ?? (process.env.TANDEM_PUBLIC_URL || undefined);
  const signInOrigins = new Set(
    (options.signInOrigins ?? (process.env.TANDEM_SIGN_IN_ORIGINS ?? '').split(','))
      .map((o) => originOf(o.trim()))
      .filter((o): o is string => o !== undefined),
  );
  const hub = new RealtimeHub(database.db, log, options.realtimePollMs ?? 1000);
  const prune = () =>
    pruneExpiredCredentials(database.db).catch((error: unknown) => log.warn({ err: error }, 'pruning expired family credentials failed'));
  const pruneTimer = setInterval(prune, 6 * 3600_000).unref();
  const listener: Listener | undefined =
    config?.dialect === 'postgres' ? listenForMessages(config.url, config.schema, log, () => hub.poke()) : undefined;
  return {
    serverKey,
    identityVerifier: new HostSignedIdentityVerifier(database.db, serverKey, { development, ...options.identity }),
    mailer,
    translator: new Translator(database.db, provider, log),
    hub,
    publicUrl,
    mayReturnTo: (url) => {
      const origin = originOf(url);
      return origin !== undefined && (origin === originOf(publicUrl ?? '') || signInOrigins.has(origin));
    },
    heartbeatMs: options.heartbeatMs ?? 20_000,
    notificationSink: (inner) => emailNotificationSink(mailer, inner),
    close: async () => {
      clearInterval(pruneTimer);
      hub.close();
      mailer.close();
      await listener?.close();
    },
  };
}

function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}
