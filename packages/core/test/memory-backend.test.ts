/** MemoryBackend behaves like the reference server: validation, closed surveys, idempotency, scripted failures. */
import { expect } from '@open-wc/testing';
import { allQuestions, QUESTION_TYPES, validateSurveyContent, type ResponseSubmission } from '@tandem/protocol';
import { BackendError, MemoryBackend, newId } from '../src/index.js';

async function rejectionOf(promise: Promise<unknown>): Promise<BackendError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BackendError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const valid: ResponseSubmission = { answers: { grade: '1-2', happy: 5, contact: ['text', 'email'] }, locale: 'hmn' };

describe('MemoryBackend', () => {
  it('serves a demo survey with every question type over two pages, partly in Hmong', async () => {
    const survey = await MemoryBackend.withDemoData().getSurvey('demo');
    expect(survey.status).to.equal('published');
    expect(survey.sections).to.have.length(2);
    expect(new Set(allQuestions(survey).map((q) => q.type))).to.deep.equal(new Set(QUESTION_TYPES));
    expect(validateSurveyContent(survey)).to.deep.equal([]);
    const prompts = allQuestions(survey).map((q) => q.prompt);
    expect(
      prompts.every((p) => p.en && p.es),
      'English and Spanish everywhere',
    ).to.equal(true);
    expect(prompts.some((p) => p.hmn) && prompts.some((p) => !p.hmn), 'Hmong for some, so fallback shows').to.equal(true);
  });

  it('serves a closed survey that refuses answers', async () => {
    const backend = MemoryBackend.withDemoData();
    expect((await backend.getSurvey('closed-demo')).status).to.equal('closed');
    const error = await rejectionOf(backend.submitSurveyResponse('closed-demo', { answers: { dish: 'Rice' }, locale: 'en' }, newId()));
    expect(error.kind).to.equal('closed');
    expect(backend.responses('closed-demo')).to.deep.equal([]);
  });

  it('refuses invalid answers with the same field errors the server sends', async () => {
    const backend = MemoryBackend.withDemoData();
    const error = await rejectionOf(
      backend.submitSurveyResponse('demo', { answers: { grade: 'nope', happy: 5, language: 'x'.repeat(61) }, locale: 'en' }, newId()),
    );
    expect(error.kind).to.equal('invalid');
    expect(error.status).to.equal(422);
    expect(error.fieldErrors.map((e) => [e.pointer, e.code])).to.deep.equal([
      ['/answers/grade', 'invalid-option'],
      ['/answers/language', 'too-long'],
    ]);
    expect(backend.responses('demo')).to.deep.equal([]);
  });

  it('stores one response per Idempotency-Key and replays the receipt', async () => {
    const backend = MemoryBackend.withDemoData();
    const key = newId();
    const first = await backend.submitSurveyResponse('demo', valid, key);
    const again = await backend.submitSurveyResponse('demo', valid, key);
    expect(again).to.deep.equal(first);
    expect(backend.responses('demo')).to.deep.equal([valid]);
    const reused = await rejectionOf(backend.submitSurveyResponse('demo', { ...valid, locale: 'en' }, key));
    expect(reused.kind).to.equal('invalid');
    expect(backend.responses('demo')).to.have.length(1);
  });

  it('fails on demand, goes offline on demand, and counts calls', async () => {
    const backend = MemoryBackend.withDemoData();
    backend.failNext(new BackendError('server', 'boom', 500), 2);
    expect((await rejectionOf(backend.getSurvey('demo'))).kind).to.equal('server');
    expect((await rejectionOf(backend.getSurvey('demo'))).kind).to.equal('server');
    expect((await backend.getSurvey('demo')).id).to.equal('demo');
    backend.setOffline(true);
    expect((await rejectionOf(backend.submitSurveyResponse('demo', valid, newId()))).kind).to.equal('offline');
    backend.setOffline(false);
    expect((await rejectionOf(backend.getSurvey('missing'))).kind).to.equal('not-found');
    expect(backend.calls).to.include({ getSurvey: 4, submitSurveyResponse: 1, getEvent: 0 });
  });

  it('hands out copies, so a widget cannot change what is stored', async () => {
    const backend = MemoryBackend.withDemoData();
    const survey = await backend.getSurvey('demo');
    survey.title.en = 'changed';
    expect((await backend.getSurvey('demo')).title.en).not.to.equal('changed');
  });
});

describe('newId', () => {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('makes unique version-4 UUIDs', () => {
    const ids = Array.from({ length: 200 }, newId);
    expect(ids.every((id) => uuid.test(id))).to.equal(true);
    expect(new Set(ids).size).to.equal(200);
  });

  it('still works where crypto.randomUUID is unavailable (plain-http pages)', () => {
    Object.defineProperty(crypto, 'randomUUID', { configurable: true, value: undefined });
    try {
      const ids = Array.from({ length: 50 }, newId);
      expect(ids.every((id) => uuid.test(id))).to.equal(true);
      expect(new Set(ids).size).to.equal(50);
    } finally {
      delete (crypto as unknown as Record<string, unknown>)['randomUUID'];
    }
    expect(typeof crypto.randomUUID).to.equal('function');
  });
});
