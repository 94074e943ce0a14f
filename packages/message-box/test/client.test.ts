/** The client layer on its own: session refresh (ahead of expiry, on 401, one at a time), links, and the HTTP backend's requests. */
import { expect } from '@open-wc/testing';
import { BackendError, HttpBackend } from '@tandem/core';
import type { FamilySession } from '@tandem/protocol';
import { FamilySessionStore, memorySessionStorage } from '../src/client/session-store.js';
import { HttpMessagingBackend } from '../src/client/http-messaging.js';
import { MemoryMessaging } from '../src/client/memory-messaging.js';
import { linkParts } from '../src/thread/linkify.js';

describe('FamilySessionStore', () => {
  it('refreshes once for many callers, ahead of expiry, and keeps the new pair', async () => {
    const messaging = MemoryMessaging.withDemoData({ accessTtlMs: 30_000 });
    const storage = memorySessionStorage();
    const store = new FamilySessionStore(messaging, storage);
    await store.adopt(await messaging.signInWithInvite({ code: 'DEMO-FAMILY' }));
    const results = await Promise.all([1, 2, 3].map(() => store.withAccess((t) => messaging.familyHome(t))));
    expect(results.every((home) => home.family.id === 'family-garcia')).to.equal(true);
    expect(messaging.calls['refreshSession']).to.equal(1);
    expect((await storage.get(store.key))!.accessToken).to.equal(store.session!.accessToken);
  });

  it('a second tab that finds the pair already refreshed uses it instead of reusing the old refresh token', async () => {
    const messaging = MemoryMessaging.withDemoData();
    const storage = memorySessionStorage();
    const tabA = new FamilySessionStore(messaging, storage);
    const tabB = new FamilySessionStore(messaging, storage);
    await tabA.adopt(await messaging.signInWithInvite({ code: 'DEMO-FAMILY' }));
    await tabB.restore();
    const stale = tabB.session as FamilySession;
    await tabA.refresh(tabA.session!);
    const fresh = await tabB.refresh(stale);
    expect(fresh.accessToken).to.equal(tabA.session!.accessToken);
    expect(messaging.calls['refreshSession']).to.equal(1);
  });

  it('a second tab whose refreshed pair is already near expiry refreshes with the newest token, never the spent one', async () => {
    // Access tokens that live 30 s are always inside the 60 s refresh-ahead window, so tab B must refresh too.
    const messaging = MemoryMessaging.withDemoData({ accessTtlMs: 30_000 });
    const storage = memorySessionStorage();
    const tabA = new FamilySessionStore(messaging, storage);
    const tabB = new FamilySessionStore(messaging, storage);
    await tabA.adopt(await messaging.signInWithInvite({ code: 'DEMO-FAMILY' }));
    await tabB.restore();
    const stale = tabB.session as FamilySession;
    await tabA.refresh(tabA.session!);
    const ended: (string | undefined)[] = [];
    tabB.subscribe((session, reason) => !session && ended.push(reason));
    const fresh = await tabB.refresh(stale);
    expect(fresh.refreshToken).to.not.equal(stale.refreshToken);
    expect(ended, 'reusing the spent token would have ended the session').to.deep.equal([]);
    expect((await tabB.withAccess((t) => messaging.familyHome(t))).family.id).to.equal('family-garcia');
  });

  it('a refused refresh ends the session and says so', async () => {
    const messaging = MemoryMessaging.withDemoData();
    const store = new FamilySessionStore(messaging, memorySessionStorage());
    await store.adopt(await messaging.signInWithInvite({ code: 'DEMO-FAMILY' }));
    const reasons: (string | undefined)[] = [];
    store.subscribe((session, reason) => !session && reasons.push(reason));
    messaging.expireAccessTokens();
    messaging.failNext(new BackendError('unauthorized', 'expired', 401)); // the call itself
    messaging.failNext(new BackendError('unauthorized', 'reused', 401)); // the refresh
    const outcome = await store.withAccess((t) => messaging.familyHome(t)).catch((e: unknown) => e);
    expect(outcome).to.be.instanceOf(BackendError);
    expect(reasons).to.deep.equal(['expired']);
    expect(store.session).to.equal(undefined);
  });
});

describe('linkParts', () => {
  it('links http(s) addresses only, leaving sentence punctuation outside', () => {
    expect(linkParts('See https://example.org/x. Or (http://a.example/b) javascript:alert(1) ftp://x')).to.deep.equal([
      { text: 'See ' },
      { href: 'https://example.org/x', text: 'https://example.org/x' },
      { text: '. Or (' },
      { href: 'http://a.example/b', text: 'http://a.example/b' },
      { text: ') javascript:alert(1) ftp://x' },
    ]);
  });

  it('ends an address at a bidirectional control, so the shown text cannot be reordered to look like another address', () => {
    const parts = linkParts('https://bank.example/\u202Emoc.live\u202C now');
    expect(parts[0]).to.deep.equal({ href: 'https://bank.example/', text: 'https://bank.example/' });
    expect(parts.slice(1).every((part) => !('href' in part))).to.equal(true);
  });
});

describe('HttpMessagingBackend', () => {
  it('sends the bearer token and Idempotency-Key, and opens the stream with a ticket, lang and lastEventId', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetchStub: typeof fetch = async (input, init) => {
      calls.push({ url: String(input), init: init! });
      const body = String(input).endsWith('stream-tickets') ? { ticket: 'tst_1', expiresAt: '' } : { message: {}, availability: {} };
      return new Response(JSON.stringify(body), { status: 201, headers: { 'content-type': 'application/json' } });
    };
    const opened: string[] = [];
    const http = new HttpBackend('https://tandem.example/', { fetch: fetchStub });
    const backend = new HttpMessagingBackend(http, {
      eventSource: (url) => (opened.push(url), { readyState: 0, addEventListener: () => undefined, close: () => undefined }),
    });
    await backend.sendFamilyMessage('fat_1', 'c 1', { body: 'Hi', locale: 'es', clientMessageId: 'k1' }, 'k1');
    const headers = calls[0]!.init.headers as Record<string, string>;
    expect(calls[0]!.url).to.equal('https://tandem.example/api/v1/family/conversations/c%201/messages');
    expect(headers['Authorization']).to.equal('Bearer fat_1');
    expect(headers['Idempotency-Key']).to.equal('k1');
    await backend.openFamilyStream('fat_1', { lang: 'es', lastEventId: 42 });
    expect(opened).to.deep.equal(['https://tandem.example/api/v1/family/stream?ticket=tst_1&lang=es&lastEventId=42']);
  });
});
