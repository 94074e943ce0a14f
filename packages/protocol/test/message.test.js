// The shared message-box rules: the composer and the server give the same verdicts, and printed
// invite codes read back the way a family types them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { INVITE_CODE_ALPHABET, MESSAGE_BODY_MAX, formatInviteCode, normalizeInviteCode, validateMessage } from '../dist/index.js';

test('accepts a message up to 5,000 characters, counting characters rather than UTF-16 units', () => {
  assert.deepEqual(validateMessage({ body: 'Hola' }), []);
  assert.deepEqual(validateMessage({ body: '😀'.repeat(MESSAGE_BODY_MAX) }), [], 'emoji count once each');
});

test('refuses an empty or whitespace-only message', () => {
  assert.deepEqual(
    validateMessage({ body: ' \n\t ' }).map((e) => [e.pointer, e.code]),
    [['/body', 'required']],
  );
});

test('refuses a message over the limit and says the limit', () => {
  const [error] = validateMessage({ body: 'a'.repeat(MESSAGE_BODY_MAX + 1) });
  assert.equal(error.code, 'too-long');
  assert.deepEqual(error.params, { max: 5000 });
});

test('invite codes avoid characters people confuse', () => {
  for (const confusable of ['0', 'O', '1', 'I', 'L', 'U']) assert.ok(!INVITE_CODE_ALPHABET.includes(confusable), confusable);
});

test('reads a typed code the way it was printed', () => {
  assert.equal(normalizeInviteCode(' abcde - fghjk '), 'ABCDEFGHJK');
  assert.equal(formatInviteCode('abcdefghjk'), 'ABCDE-FGHJK');
  assert.equal(formatInviteCode('ABCDE-FGHJK'), 'ABCDE-FGHJK');
});
