/**
 * Printed invite codes (for one family or a whole class) and email sign-in links: random, stored only
 * as SHA-256, limited in uses and time. A use is claimed with a conditional update, so a code with one
 * use left cannot be redeemed twice by two racing requests.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH, normalizeInviteCode } from '@tandem/protocol';
import type { DatabaseSchema } from '../db/schema.js';
import { sha256Hex } from '../secrets.js';
import type { FamilyInvitesTable } from '../messages/tables.js';

type Db = Kysely<DatabaseSchema>;
export type InviteRow = FamilyInvitesTable;

export const EMAIL_LINK_TTL_MS = 15 * 60_000;
/** Sign-in emails one address gets per window at most, so nobody can flood a family's inbox through the form. */
export const EMAIL_LINKS_PER_ADDRESS = 3;
export const EMAIL_LINK_WINDOW_MS = 15 * 60_000;

export function generateInviteCode(): string {
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += INVITE_CODE_ALPHABET[randomInt(INVITE_CODE_ALPHABET.length)];
  return code;
}

/** Codes are hashed in their normalized form, so `abcde fghjk` finds `ABCDE-FGHJK`. */
export const inviteCodeHash = (code: string) => sha256Hex(`invite:${normalizeInviteCode(code)}`);
const linkHash = (token: string) => sha256Hex(`email-link:${token}`);

export async function createInvite(
  db: Db,
  input: { organizationId: string; schoolId: string; familyId?: string; className?: string; maxUses: number; expiresInDays: number },
): Promise<{ row: InviteRow; code: string }> {
  const code = generateInviteCode();
  const now = new Date();
  const row: InviteRow = {
    id: randomUUID(),
    organization_id: input.organizationId,
    school_id: input.schoolId,
    kind: input.familyId ? 'family' : 'class',
    code_hash: inviteCodeHash(code),
    family_id: input.familyId ?? null,
    class_name: input.className ?? null,
    return_url: null,
    max_uses: input.maxUses,
    uses: 0,
    expires_at: new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
    created_at: now.toISOString(),
  };
  await db.insertInto('family_invites').values(row).execute();
  return { row, code };
}

export async function createEmailLink(
  db: Db,
  input: { organizationId: string; familyId: string; returnUrl?: string | undefined },
): Promise<{ token: string; expiresAt: string }> {
  const token = 'tml_' + randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + EMAIL_LINK_TTL_MS).toISOString();
  await db
    .insertInto('family_invites')
    .values({
      id: randomUUID(),
      organization_id: input.organizationId,
      school_id: null,
      kind: 'email-link',
      code_hash: linkHash(token),
      family_id: input.familyId,
      class_name: null,
      return_url: input.returnUrl ?? null,
      max_uses: 1,
      uses: 0,
      expires_at: expiresAt,
      created_at: now.toISOString(),
    })
    .execute();
  return { token, expiresAt };
}

/**
 * Sign-in links made for a family since `since`. Counted from the links themselves, so the limit holds
 * across server processes and restarts (links are pruned only once expired, after the window).
 */
export async function emailLinksSince(db: Db, familyId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('family_invites')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('family_id', '=', familyId)
    .where('kind', '=', 'email-link')
    .where('created_at', '>', since.toISOString())
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

async function claim(db: Db, hash: string, kinds: InviteRow['kind'][], check?: (row: InviteRow) => void): Promise<InviteRow | undefined> {
  const now = new Date().toISOString();
  const row = await db
    .selectFrom('family_invites')
    .selectAll()
    .where('code_hash', '=', hash)
    .where('kind', 'in', kinds)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!row || row.uses >= row.max_uses) return undefined;
  // Refusing the request (say, a class code without a name) must not use up the code.
  check?.(row);
  const result = await db
    .updateTable('family_invites')
    .set((eb) => ({ uses: eb('uses', '+', 1) }))
    .where('id', '=', row.id)
    .where('uses', '<', row.max_uses)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? { ...row, uses: row.uses + 1 } : undefined;
}

/** Uses one use of a printed code; undefined when it is unknown, used up or expired. */
export function redeemInviteCode(db: Db, code: string, check?: (row: InviteRow) => void): Promise<InviteRow | undefined> {
  return claim(db, inviteCodeHash(code), ['family', 'class'], check);
}

export function redeemEmailLink(db: Db, token: string): Promise<InviteRow | undefined> {
  return claim(db, linkHash(token), ['email-link']);
}
