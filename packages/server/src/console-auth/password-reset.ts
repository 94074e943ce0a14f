/**
 * Password reset by email: a single-use token, valid 30 minutes, stored only as SHA-256. The link carries the
 * token in the fragment (`/console/reset#token=…`), which browsers never send to a server or in a Referer.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema.js';
import type { Mailer } from '../mail/mailer.js';
import { hashPassword, sha256Hex } from '../secrets.js';

type Db = Kysely<DatabaseSchema>;

export const RESET_TOKEN_TTL_MS = 30 * 60_000;

const TEXTS = {
  en: {
    subject: 'Reset your Tandem password',
    body: (name: string, link: string) =>
      `Hello ${name},\n\nOpen this link to choose a new password for the Tandem console. It works once, for 30 minutes.\n\n${link}\n\nIf you did not ask for it, ignore this email; your password stays as it is.`,
  },
  es: {
    subject: 'Restablezca su contraseña de Tandem',
    body: (name: string, link: string) =>
      `Hola ${name}:\n\nAbra este enlace para elegir una contraseña nueva para la consola de Tandem. Funciona una vez, durante 30 minutos.\n\n${link}\n\nSi usted no lo pidió, ignore este correo; su contraseña no cambia.`,
  },
};

/** Creates a reset token for the staff member and emails the link; does nothing for an unknown email. */
export async function sendPasswordReset(db: Db, mailer: Mailer, publicUrl: string, email: string): Promise<boolean> {
  const user = await db
    .selectFrom('staff_users')
    .select(['id', 'organization_id', 'name', 'email', 'locale'])
    .where('email', '=', email)
    .executeTakeFirst();
  if (!user) return false;
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  await db
    .insertInto('password_reset_tokens')
    .values({
      token_hash: sha256Hex(token),
      organization_id: user.organization_id,
      staff_user_id: user.id,
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + RESET_TOKEN_TTL_MS).toISOString(),
      used_at: null,
    })
    .execute();
  const link = `${publicUrl.replace(/\/+$/, '')}/console/reset#token=${token}`;
  const texts = user.locale?.startsWith('es') ? TEXTS.es : TEXTS.en;
  await mailer.send({ to: user.email, subject: texts.subject, text: texts.body(user.name, link) });
  return true;
}

/**
 * Spends a reset token and sets the new password. Every token of that staff member is spent with it, so an
 * older link in the same inbox cannot be used afterwards. Returns the staff member, or undefined when the
 * token is unknown, used or expired.
 */
export async function completePasswordReset(
  db: Db,
  token: string,
  password: string,
): Promise<{ staffUserId: string; organizationId: string; email: string } | undefined> {
  const now = new Date().toISOString();
  // Only a live token earns the (deliberately slow) password hashing: a stream of made-up tokens costs one lookup each.
  const live = await db
    .selectFrom('password_reset_tokens')
    .select('expires_at')
    .where('token_hash', '=', sha256Hex(token))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (!live || live.expires_at <= now) return undefined;
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('password_reset_tokens as t')
      .innerJoin('staff_users as u', 'u.id', 't.staff_user_id')
      .select(['t.staff_user_id', 't.organization_id', 't.expires_at', 'u.email'])
      .where('t.token_hash', '=', sha256Hex(token))
      .where('t.used_at', 'is', null)
      .executeTakeFirst();
    if (!row || row.expires_at <= now) return undefined;
    // The conditional update is the single-use guarantee: of two requests racing with one token, one wins.
    const spent = await trx
      .updateTable('password_reset_tokens')
      .set({ used_at: now })
      .where('token_hash', '=', sha256Hex(token))
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(spent.numUpdatedRows) !== 1) return undefined;
    await trx
      .updateTable('password_reset_tokens')
      .set({ used_at: now })
      .where('staff_user_id', '=', row.staff_user_id)
      .where('used_at', 'is', null)
      .execute();
    await trx.updateTable('staff_users').set({ password_hash: passwordHash }).where('id', '=', row.staff_user_id).execute();
    return { staffUserId: row.staff_user_id, organizationId: row.organization_id, email: row.email };
  });
}
