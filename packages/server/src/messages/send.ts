/** Sending a message, for families and staff alike: validated, stored once per Idempotency-Key, streamed, and answered with when a reply can be expected. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { validateMessage, type MessageInput, type MessageReceipt } from '@tandem/protocol';
import type { AppContext } from '../context.js';
import { validationProblem } from '../problems.js';
import { idempotencyKeyOf, replay } from '../routes/public-surveys.js';
import { canonicalJson, sha256Hex } from '../secrets.js';
import { findStoredResult, toRow } from '../store/idempotency.js';
import type { Messaging } from './messaging.js';
import { availabilityOf } from './office-hours.js';
import { appendMessage, KeyAlreadyTaken, type ConversationRow, type MessageRow } from './store.js';
import type { SenderKind } from './tables.js';
import { schoolMessagingInfo, staffHours, toMessage } from './views.js';

export interface Sender {
  kind: SenderKind;
  id: string;
  name: string;
  /** Idempotency scope: one per family or per API token. */
  scope: string;
}

export async function sendMessage(
  ctx: AppContext,
  messaging: Messaging,
  request: FastifyRequest<{ Body: MessageInput }>,
  reply: FastifyReply,
  conversation: ConversationRow,
  sender: Sender,
): Promise<{ reply: FastifyReply; sent?: MessageRow }> {
  const db = ctx.database.db;
  const key = idempotencyKeyOf(request, true)!;
  const scope = `${sender.scope}:${conversation.id}`;
  const requestHash = sha256Hex(canonicalJson(request.body));
  const stored = await findStoredResult(db, scope, key, requestHash);
  if (stored) return { reply: replay(reply, stored) };

  const errors = validateMessage(request.body);
  if (errors.length > 0) throw validationProblem(errors);

  // The family learns when a reply can be expected; staff learn the same about themselves (for the console).
  const school = (await schoolMessagingInfo(db, [conversation.school_id])).get(conversation.school_id)!;
  const peerHours = conversation.staff_user_id
    ? (await staffHours(db, [{ schoolId: conversation.school_id, staffUserId: conversation.staff_user_id }])).get(
        `${conversation.school_id}|${conversation.staff_user_id}`,
      )
    : school.officeHours;

  let body = '';
  try {
    const row = await appendMessage(
      db,
      ctx.database.dialect,
      conversation,
      {
        senderKind: sender.kind,
        senderId: sender.id,
        senderName: sender.name,
        body: request.body.body,
        locale: request.body.locale,
        clientMessageId: request.body.clientMessageId ?? null,
      },
      async (trx, message) => {
        const receipt: MessageReceipt = {
          message: toMessage(message, false),
          availability: availabilityOf(peerHours),
          ...(school.emergencyNotice ? { emergencyNotice: school.emergencyNotice } : {}),
        };
        body = JSON.stringify(receipt);
        const taken = await trx
          .insertInto('idempotency_keys')
          .values(toRow({ scope, key, requestHash, statusCode: 201, body, createdAt: message.created_at }))
          .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
          .returning('key')
          .execute();
        if (taken.length === 0) throw new KeyAlreadyTaken();
      },
    );
    messaging.hub.poke();
    return { reply: reply.code(201).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(body), sent: row };
  } catch (error) {
    if (!(error instanceof KeyAlreadyTaken)) throw error;
    const winner = await findStoredResult(db, scope, key, requestHash);
    if (!winner) throw error;
    return { reply: replay(reply, winner) };
  }
}
