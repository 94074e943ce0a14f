/** Field and backend error messages: every code and kind has its own sentence, with numbers, in the family's language. */
import { expect } from '@open-wc/testing';
import { FIELD_ERROR_CODES, type FieldError } from '@tandem/protocol';
import { BackendError, backendErrorMessage, fieldErrorMessage, setUiLocale, type BackendErrorKind } from '../src/index.js';

const kinds: BackendErrorKind[] = [
  'offline',
  'timeout',
  'not-found',
  'invalid',
  'closed',
  'unauthorized',
  'too-large',
  'rate-limited',
  'conflict',
  'server',
];

const field = (code: string, params?: FieldError['params']): FieldError => ({
  pointer: '/answers/q',
  code,
  detail: 'x',
  ...(params ? { params } : {}),
});

describe('error messages', () => {
  afterEach(() => setUiLocale('en'));

  it('says how long an answer may be and how long it is', () => {
    expect(fieldErrorMessage(field('too-long', { max: 200, length: 230 }))).to.equal('Please use at most 200 characters (you have 230).');
    expect(fieldErrorMessage(field('out-of-range', { min: 1, max: 5 }))).to.equal('Please choose a number from 1 to 5.');
    expect(fieldErrorMessage(field('too-many', { max: 2 }))).to.equal('Please choose at most 2.');
  });

  it('has a distinct sentence for every field error code', () => {
    const messages = FIELD_ERROR_CODES.filter((c) => c !== 'invalid-format').map((code) =>
      fieldErrorMessage(field(code, { min: 1, max: 3, length: 4 })),
    );
    expect(new Set(messages).size).to.equal(messages.length);
    expect(fieldErrorMessage(field('something-new'))).to.equal('Please check this answer.');
  });

  it('has a distinct sentence for every backend error kind', () => {
    const messages = kinds.map((kind) => backendErrorMessage(new BackendError(kind, 'x')));
    expect(new Set(messages).size).to.equal(kinds.length);
    expect(backendErrorMessage(new Error('boom'))).to.equal('Something went wrong. Please try again.');
  });

  it('speaks Spanish and Arabic once those UI strings are loaded, numbers included', async () => {
    await setUiLocale('es');
    expect(fieldErrorMessage(field('too-long', { max: 200, length: 230 }))).to.equal(
      'Por favor, use como máximo 200 caracteres (tiene 230).',
    );
    expect(backendErrorMessage(new BackendError('closed', 'x'))).to.contain('cerrado');
    await setUiLocale('ar');
    expect(fieldErrorMessage(field('required'))).to.equal('يُرجى الإجابة عن هذا السؤال.');
  });
});
