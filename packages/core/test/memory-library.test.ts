/** MemoryBackend's resources and lessons behave like the server: list filters, 404s, validation, one record per key. */
import { expect } from '@open-wc/testing';
import { BackendError, HttpBackend, MemoryBackend, newId } from '../src/index.js';

async function rejectionOf(promise: Promise<unknown>): Promise<BackendError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BackendError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('MemoryBackend resources and lessons', () => {
  it('lists a school’s resources with the server’s filters, and asks whose resources they are', async () => {
    const backend = MemoryBackend.withDemoData();
    const all = await backend.listResources({ school: 'lincoln-elementary' });
    expect(all.items.length).to.be.greaterThan(1);
    const somali = await backend.listResources({ school: 'lincoln-elementary', language: 'so-SO' });
    expect(somali.items.length).to.be.greaterThan(0);
    expect(somali.items.every((r) => r.languages.some((l) => l.startsWith('so')))).to.equal(true);
    const found = await backend.listResources({ school: 'lincoln-elementary', q: 'BANCO alimentos' });
    expect(found.items.map((r) => r.id)).to.deep.equal(['demo-food-shelf']);
    expect((await backend.listResources({ school: 'other-school', q: 'homework' })).items).to.deep.equal([]);
    const error = await rejectionOf(backend.listResources({}));
    expect(error.kind).to.equal('invalid');
  });

  it('keeps one feedback per Idempotency-Key and refuses a too-long comment', async () => {
    const backend = MemoryBackend.withDemoData();
    const key = newId();
    const first = await backend.submitResourceFeedback('demo-food-shelf', { helpful: true, locale: 'es' }, key);
    expect(await backend.submitResourceFeedback('demo-food-shelf', { helpful: true, locale: 'es' }, key)).to.deep.equal(first);
    expect(backend.resources.feedbackFor('demo-food-shelf')).to.deep.equal([{ helpful: true, locale: 'es' }]);
    const error = await rejectionOf(
      backend.submitResourceFeedback('demo-food-shelf', { helpful: false, locale: 'en', comment: 'x'.repeat(1001) }, newId()),
    );
    expect(error.fieldErrors.map((e) => e.pointer)).to.deep.equal(['/comment']);
    expect((await rejectionOf(backend.getResource('missing'))).kind).to.equal('not-found');
  });

  it('records a lesson completion once, with its reflection', async () => {
    const backend = MemoryBackend.withDemoData();
    expect((await backend.getLesson('demo-lesson')).locales).to.include('hmn');
    const key = newId();
    await backend.completeLesson('demo-lesson', { locale: 'hmn', reflection: 'Zoo heev' }, key);
    await backend.completeLesson('demo-lesson', { locale: 'hmn', reflection: 'Zoo heev' }, key);
    expect(backend.lessons.completionsOf('demo-lesson')).to.deep.equal([{ locale: 'hmn', reflection: 'Zoo heev' }]);
    expect((await rejectionOf(backend.completeLesson('nope', { locale: 'en' }, newId()))).kind).to.equal('not-found');
  });

  it('HttpBackend sends the list filters as a query string, leaving out empty ones', async () => {
    const urls: string[] = [];
    const backend = new HttpBackend('https://schools.example/', {
      fetch: async (input) => {
        urls.push(String(input));
        return new Response('{"items":[]}', { headers: { 'content-type': 'application/json' } });
      },
    });
    await backend.listResources({ school: 'lincoln-elementary', category: 'food', q: '', openNow: 'true' });
    expect(urls).to.deep.equal(['https://schools.example/api/v1/public/resources?school=lincoln-elementary&category=food&openNow=true']);
  });
});
