// Translation through the real Apertium APy (Debian's apertium-apy with the English–Spanish pair):
// each side reads the other in its own language with the original kept, translations are cached
// per message and language, and a provider failure never blocks or loses a message.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApertiumProvider } from '../dist/translation/apertium.js';
import { countRows, databaseTargets, startApp } from './helpers.js';
import { apertiumSkipReason, startApertium } from './apertium-fixture.js';
import { familySignIn, messagingTenant, openConversation, sendAsFamily, sendAsStaff } from './messaging-fixtures.js';

describe('Apertium locale codes', () => {
  it('maps Tandem locales to Apertium’s three-letter codes', () => {
    assert.equal(ApertiumProvider.code('en'), 'eng');
    assert.equal(ApertiumProvider.code('es-MX'), 'spa');
    assert.equal(ApertiumProvider.code('zh-Hans'), 'zho');
    assert.equal(ApertiumProvider.code('xx'), undefined);
  });
});

const skip = apertiumSkipReason();

for (const target of databaseTargets()) {
  describe(`translation with Apertium APy on ${target.name}`, { skip }, () => {
    let apy;
    let ctx;
    let school;
    let family;
    let conversation;
    let calls = 0;
    before(async () => {
      apy = await startApertium();
      const real = new ApertiumProvider(apy.url);
      // The real provider, counted, to see the cache at work.
      const counted = {
        name: real.name,
        supports: (from, to) => real.supports(from, to),
        translate: (text, from, to) => {
          calls++;
          return real.translate(text, from, to);
        },
      };
      ctx = await startApp(target, { messaging: { translationProvider: counted } });
      school = await messagingTenant(ctx.app, ctx.db, 'apy', { familyLocale: 'es', staffLocale: 'en' });
      family = await familySignIn(ctx.app, school, school.family.id);
      conversation = await openConversation(ctx.app, family.auth, { schoolId: school.schoolId, staffUserId: school.staffUserId });
    });
    after(async () => {
      await ctx?.close();
      await apy?.stop();
    });

    it('shows a Spanish message to an English-reading teacher in English, original kept', async () => {
      const sent = await sendAsFamily(ctx.app, family.auth, conversation.id, 'Mi hijo está enfermo hoy.', { locale: 'es' });
      assert.equal(sent.statusCode, 201, sent.body);
      const page = await ctx.app.inject({ url: `/api/v1/conversations/${conversation.id}/messages`, headers: school.staffAuth });
      const message = page.json().items.at(-1);
      assert.equal(message.body, 'Mi hijo está enfermo hoy.');
      assert.equal(message.locale, 'es');
      assert.equal(message.translation.status, 'translated');
      assert.equal(message.translation.locale, 'en');
      assert.equal(message.translation.provider, 'apertium');
      assert.match(message.translation.text, /\bMy son\b/);
      assert.match(message.translation.text, /\btoday\b/);
    });

    it('brings the English reply back to the family in Spanish', async () => {
      const reply = await sendAsStaff(ctx.app, school.staffAuth, conversation.id, 'Thank you, I hope he feels better soon.', {
        locale: 'en',
      });
      assert.equal(reply.statusCode, 201);
      const page = await ctx.app.inject({ url: `/api/v1/family/conversations/${conversation.id}/messages`, headers: family.auth });
      const message = page.json().items.at(-1);
      assert.equal(message.body, 'Thank you, I hope he feels better soon.');
      assert.equal(message.translation.status, 'translated');
      assert.equal(message.translation.locale, 'es');
      assert.match(message.translation.text, /\bGracias\b/i);
      const own = page.json().items.find((m) => m.sender.kind === 'family');
      assert.equal(own.translation, undefined, 'a family’s own message is not translated back to it');
    });

    it('caches each translation per message and language', async () => {
      const before = calls;
      const again = await ctx.app.inject({ url: `/api/v1/conversations/${conversation.id}/messages`, headers: school.staffAuth });
      assert.equal(again.json().items[0].translation.status, 'translated');
      assert.equal(calls, before, 'no second call to the provider');
      assert.ok((await countRows(ctx.db, 'message_translations')) >= 2);
      // Another language for the same message is its own entry: here, a pair Apertium lacks.
      const hmong = await ctx.app.inject({ url: `/api/v1/conversations/${conversation.id}/messages?lang=hmn`, headers: school.staffAuth });
      assert.equal(hmong.json().items[0].translation.status, 'unavailable');
      assert.equal(hmong.json().items[0].body, 'Mi hijo está enfermo hoy.');
    });
  });
}

for (const target of databaseTargets()) {
  describe(`translation failure on ${target.name}`, () => {
    let ctx;
    before(async () => {
      // Nothing listens on port 9 (discard): every call fails fast.
      ctx = await startApp(target, { messaging: { translationProvider: new ApertiumProvider('http://127.0.0.1:9', 2000) } });
    });
    after(() => ctx.close());

    it('stores and delivers the message, and returns the original with status failed', async () => {
      const school = await messagingTenant(ctx.app, ctx.db, 'apy-down');
      const family = await familySignIn(ctx.app, school, school.family.id);
      const conversation = await openConversation(ctx.app, family.auth, { schoolId: school.schoolId });
      const sent = await sendAsFamily(ctx.app, family.auth, conversation.id, 'Hola, ¿hay clases mañana?', { locale: 'es' });
      assert.equal(sent.statusCode, 201, 'sending never waits for translation');
      const page = await ctx.app.inject({ url: `/api/v1/conversations/${conversation.id}/messages`, headers: school.staffAuth });
      assert.equal(page.statusCode, 200);
      const message = page.json().items.at(-1);
      assert.equal(message.body, 'Hola, ¿hay clases mañana?');
      assert.deepEqual(message.translation, { status: 'failed', locale: 'en', provider: 'apertium' });
      assert.equal(await countRows(ctx.db, 'message_translations'), 0, 'failures are not cached, so a later read retries');
    });
  });
}

describe('LibreTranslate-compatible provider', () => {
  let server;
  let url;
  const requests = [];
  before(async () => {
    const { createServer } = await import('node:http');
    // A contract check of the requests Tandem sends, not a translator: it answers with a marker.
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        requests.push({ method: request.method, url: request.url, body: body ? JSON.parse(body) : undefined });
        response.writeHead(200, { 'content-type': 'application/json' });
        if (request.url === '/languages') {
          response.end(
            JSON.stringify([
              { code: 'en', targets: ['es'] },
              { code: 'es', targets: ['en'] },
              { code: 'zh', targets: ['en'] },
            ]),
          );
        } else response.end(JSON.stringify({ translatedText: `[${JSON.parse(body).target}] ${JSON.parse(body).q}` }));
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => new Promise((resolve) => server.close(resolve)));

  it('is chosen by configuration, and none is the default', async () => {
    const { translationProviderFromEnv } = await import('../dist/translation/from-env.js');
    assert.equal(translationProviderFromEnv({}), null);
    assert.equal(translationProviderFromEnv({ TANDEM_TRANSLATION_URL: url }).name, 'apertium');
    assert.equal(
      translationProviderFromEnv({ TANDEM_TRANSLATION_URL: url, TANDEM_TRANSLATION_PROVIDER: 'libretranslate' }).name,
      'libretranslate',
    );
    assert.throws(() => translationProviderFromEnv({ TANDEM_TRANSLATION_URL: url, TANDEM_TRANSLATION_PROVIDER: 'magic' }), /apertium/);
  });

  it('sends plain text with mapped codes and the API key, and reports missing pairs', async () => {
    const { LibreTranslateProvider } = await import('../dist/translation/libretranslate.js');
    const provider = new LibreTranslateProvider(url, 'secret-key');
    assert.equal(await provider.supports('es-MX', 'en'), true);
    assert.equal(await provider.supports('zh-Hans', 'en'), true, 'zh-Hans maps to zh');
    assert.equal(await provider.supports('hmn', 'en'), false);
    assert.equal(await provider.translate('Hola', 'es-MX', 'en'), '[en] Hola');
    const sent = requests.find((r) => r.url === '/translate');
    assert.deepEqual(sent.body, { q: 'Hola', source: 'es', target: 'en', format: 'text', api_key: 'secret-key' });
  });
});
