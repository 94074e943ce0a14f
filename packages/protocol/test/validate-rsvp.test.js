// The shared RSVP rules: the widget and the server both rely on these verdicts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidEmail, isValidPhone, validateEventContent, validateRsvp } from '../dist/index.js';

const event = { needsAsked: ['interpreter', 'childcare'], sessions: [{ id: 's1' }] };
const ok = { sessionId: 's1', response: 'going', adults: 2, children: 1, contact: { email: 'maiv@example.org' }, locale: 'hmn' };
const pointers = (errors) => errors.map((e) => `${e.pointer} ${e.code}`);

test('accepts a complete RSVP', () => {
  assert.deepEqual(validateRsvp(event, { ...ok, needs: { interpreter: 'hmn', childcare: { children: 1, ages: [4] } } }), []);
});

test('party size is 1 to 20 people with at least one adult', () => {
  assert.deepEqual(pointers(validateRsvp(event, { ...ok, adults: 0, children: 0 })), ['/adults out-of-range']);
  assert.deepEqual(pointers(validateRsvp(event, { ...ok, adults: 15, children: 6 })), ['/adults too-many']);
  assert.deepEqual(validateRsvp(event, { ...ok, adults: 10, children: 10 }), []);
});

test('contact is required to hold a place, and must be well formed', () => {
  assert.deepEqual(pointers(validateRsvp(event, { ...ok, contact: undefined })), ['/contact required']);
  assert.deepEqual(pointers(validateRsvp(event, { ...ok, contact: { email: '  ' } })), ['/contact required']);
  assert.deepEqual(validateRsvp(event, { ...ok, response: 'not-going', contact: undefined }), []);
  assert.deepEqual(pointers(validateRsvp(event, { ...ok, contact: { email: 'nope@', phone: '12' } })), [
    '/contact/email invalid-format',
    '/contact/phone invalid-format',
  ]);
});

test('email and phone formats', () => {
  for (const good of ['a@b.co', 'maiv.vang+school@example.org']) assert.ok(isValidEmail(good), good);
  for (const bad of ['a@b', 'a b@c.org', '@c.org', 'a@.org']) assert.ok(!isValidEmail(bad), bad);
  for (const good of ['+1 (651) 555-0100', '651.555.0100', '5550100']) assert.ok(isValidPhone(good), good);
  for (const bad of ['555-01', 'call me', '+1 651 555 0100 0100 99']) assert.ok(!isValidPhone(bad), bad);
});

test('unknown sessions and needs the event does not ask about are refused', () => {
  assert.deepEqual(pointers(validateRsvp(event, { ...ok, sessionId: 'nope', needs: { transportation: true } })), [
    '/sessionId invalid-option',
    '/needs/transportation unknown-field',
  ]);
  assert.deepEqual(pointers(validateRsvp(event, { ...ok, needs: { childcare: { children: 1, ages: [3, 5] } } })), [
    '/needs/childcare/ages too-many',
  ]);
});

test('event content: title in the default language, a real zone, ordered times', () => {
  const errors = validateEventContent({
    defaultLocale: 'en',
    timeZone: 'Mars/Olympus',
    title: { es: 'Noche' },
    sessions: [
      { id: 'a', startsAt: '2026-03-12T18:00:00-05:00', endsAt: '2026-03-12T17:00:00-05:00' },
      { id: 'a', startsAt: '2026-03-12T18:00:00-05:00', endsAt: '2026-03-12T19:00:00-05:00' },
    ],
  });
  assert.deepEqual(pointers(errors), [
    '/title required',
    '/timeZone invalid-option',
    '/sessions/0/endsAt out-of-range',
    '/sessions/1/id invalid-format',
  ]);
});
