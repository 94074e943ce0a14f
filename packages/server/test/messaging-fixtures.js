// Shared setup for the identity and messaging suites: a school with a staff member who takes messages,
// a registered family signed in through a printed invite code, a tiny SMTP listener and an SSE reader.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { createStaffUser } from '../dist/index.js';
import { createStaffApiToken } from '../dist/messages/staff-tokens.js';
import { createTenant } from './helpers.js';

/** A tenant (admin token), a staff member with their own token who takes messages at the school, and a registered family. */
export async function messagingTenant(app, db, slug, { familyLocale = 'es', staffLocale = 'en', email } = {}) {
  const tenant = await createTenant(db, slug);
  const staff = await createStaffUser(db, {
    organizationId: tenant.organizationId,
    email: `teacher@${slug}.example`,
    name: `Ms. ${slug}`,
    role: 'staff',
    password: 'correct horse battery staple',
  });
  await db.updateTable('staff_users').set({ locale: staffLocale }).where('id', '=', staff.id).execute();
  const { token: staffToken } = await createStaffApiToken(db, {
    organizationId: tenant.organizationId,
    staffUserId: staff.id,
    role: 'staff',
    name: 'teacher',
  });
  const joined = await app.inject({
    method: 'PUT',
    url: `/api/v1/schools/${tenant.schoolId}/staff/${staff.id}/messaging`,
    headers: tenant.auth,
    payload: {},
  });
  if (joined.statusCode !== 200) throw new Error(`staff join failed: ${joined.statusCode} ${joined.body}`);
  const family = await registerFamily(app, tenant, { locale: familyLocale, ...(email ? { email } : {}) });
  return { ...tenant, staffUserId: staff.id, staffAuth: { authorization: `Bearer ${staffToken}` }, family };
}

/** Another staff member who takes messages at the tenant's school; returns their id and bearer headers. */
export async function addTeacher(app, db, tenant, name) {
  const staff = await createStaffUser(db, {
    organizationId: tenant.organizationId,
    email: `${name.toLowerCase().replace(/\W+/g, '.')}@${tenant.schoolId}.example`,
    name,
    role: 'staff',
    password: 'correct horse battery staple',
  });
  const { token } = await createStaffApiToken(db, { organizationId: tenant.organizationId, staffUserId: staff.id, role: 'staff', name });
  const joined = await app.inject({
    method: 'PUT',
    url: `/api/v1/schools/${tenant.schoolId}/staff/${staff.id}/messaging`,
    headers: tenant.auth,
    payload: {},
  });
  if (joined.statusCode !== 200) throw new Error(`staff join failed: ${joined.statusCode} ${joined.body}`);
  return { staffUserId: staff.id, auth: { authorization: `Bearer ${token}` } };
}

export async function registerFamily(app, tenant, overrides = {}) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/families',
    headers: tenant.auth,
    payload: {
      schoolId: tenant.schoolId,
      name: 'Ana García',
      locale: 'es',
      students: [{ id: 'stu-1', name: 'Leo García' }],
      ...overrides,
    },
  });
  if (response.statusCode !== 201) throw new Error(`family create failed: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** Signs a registered family in through a one-use family invite code; returns the session and bearer headers. */
export async function familySignIn(app, tenant, familyId) {
  const invite = await app.inject({
    method: 'POST',
    url: '/api/v1/invites',
    headers: tenant.auth,
    payload: { schoolId: tenant.schoolId, familyId },
  });
  if (invite.statusCode !== 201) throw new Error(`invite failed: ${invite.statusCode} ${invite.body}`);
  const session = await app.inject({ method: 'POST', url: '/api/v1/public/family-sessions/invite', payload: { code: invite.json().code } });
  if (session.statusCode !== 201) throw new Error(`sign-in failed: ${session.statusCode} ${session.body}`);
  const body = session.json();
  return { ...body, auth: { authorization: `Bearer ${body.accessToken}` } };
}

export async function openConversation(app, familyAuth, payload) {
  const response = await app.inject({ method: 'POST', url: '/api/v1/family/conversations', headers: familyAuth, payload });
  if (response.statusCode !== 200) throw new Error(`open failed: ${response.statusCode} ${response.body}`);
  return response.json();
}

export function sendAsFamily(app, familyAuth, conversationId, body, { key = randomUUID(), locale = 'es', clientMessageId } = {}) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/family/conversations/${conversationId}/messages`,
    headers: { ...familyAuth, 'idempotency-key': key },
    payload: { body, locale, ...(clientMessageId ? { clientMessageId } : {}) },
  });
}

export function sendAsStaff(app, staffAuth, conversationId, body, { key = randomUUID(), locale = 'en' } = {}) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/conversations/${conversationId}/messages`,
    headers: { ...staffAuth, 'idempotency-key': key },
    payload: { body, locale },
  });
}

/**
 * A minimal SMTP server (enough of RFC 5321 for nodemailer without TLS or auth) that keeps every
 * message it receives, so tests see exactly what the real mail path sent.
 */
export async function startSmtpListener() {
  const messages = [];
  const waiters = [];
  const server = createServer((socket) => {
    socket.setEncoding('utf8');
    let buffer = '';
    let inData = false;
    let current = { from: '', to: [], data: '' };
    socket.write('220 test.local ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return;
          current.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          messages.push(current);
          waiters.splice(0).forEach((w) => w());
          current = { from: '', to: [], data: '' };
          socket.write('250 OK queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol === -1) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250-test.local\r\n250 8BITMIME\r\n');
        else if (verb === 'MAIL') ((current.from = line), socket.write('250 OK\r\n'));
        else if (verb === 'RCPT') (current.to.push(line), socket.write('250 OK\r\n'));
        else if (verb === 'DATA') ((inData = true), socket.write('354 End data with <CR><LF>.<CR><LF>\r\n'));
        else if (verb === 'QUIT') socket.end('221 Bye\r\n');
        else socket.write('250 OK\r\n');
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${server.address().port}`,
    messages,
    /** Resolves once `count` messages have arrived. */
    async waitFor(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} emails, got ${messages.length}`);
        await new Promise((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return messages;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Decodes a quoted-printable mail body enough to find links and words in it. */
export function mailText(raw) {
  return raw.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Reads a server-sent event stream over real HTTP. `next(n)` waits for n more events; `close()` drops
 * the connection like a phone losing signal.
 */
export async function openEventStream(url, headers = {}) {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const events = [];
  const ready = [];
  const comments = [];
  let wake = () => {};
  const done = (async () => {
    if (!response.ok) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk, { stream: true });
        let split;
        while ((split = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, split);
          buffer = buffer.slice(split + 2);
          const event = { id: undefined, event: 'message', data: '' };
          let isEvent = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line);
            else if (line.startsWith('id: ')) ((event.id = Number(line.slice(4))), (isEvent = true));
            else if (line.startsWith('event: ')) event.event = line.slice(7);
            else if (line.startsWith('data: ')) event.data += line.slice(6);
          }
          // `ready` (where the stream starts) is kept apart, so `events` holds messages and read receipts only.
          if (isEvent && event.event === 'ready') ready.push(event.id);
          else if (isEvent) events.push({ ...event, data: JSON.parse(event.data) });
          wake();
        }
      }
    } catch {
      // Aborted by close().
    }
  })();
  return {
    response,
    events,
    ready,
    comments,
    async next(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (events.length < count) {
        if (Date.now() > deadline)
          throw new Error(`expected ${count} events, got ${events.length}: ${JSON.stringify(events.map((e) => e.id))}`);
        await new Promise((resolve) => {
          wake = resolve;
          setTimeout(resolve, 50);
        });
      }
      return events;
    },
    async close() {
      controller.abort();
      await done;
    },
  };
}
