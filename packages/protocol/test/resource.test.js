// Resources: opening hours on the resource's own wall clock (DST, midnight, closures), content rules, and HSDS import/export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isOpenNow,
  openStatus,
  publicResourcesFromHsds,
  resourcesFromHsds,
  resourcesToHsds,
  validateFeedback,
  validateResourceContent,
} from '../dist/index.js';

const weekdays = (opensAt, closesAt) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt, closesAt }));
const ZONE = 'America/Chicago';
const pointers = (errors) => errors.map((e) => `${e.pointer} ${e.code}`);

test('9:00–17:00 means 9:00 local on both sides of a DST change', () => {
  const schedule = { regular: weekdays('09:00', '17:00') };
  // Friday 6 March 2026, CST (UTC−6): 14:30Z is 08:30 local.
  assert.deepEqual(openStatus(schedule, ZONE, new Date('2026-03-06T14:30:00Z')), {
    open: false,
    opensAt: { weekday: 5, time: '09:00', date: '2026-03-06', inDays: 0 },
  });
  // Monday 9 March 2026, CDT (UTC−5): the same 14:30Z is 09:30 local.
  assert.deepEqual(openStatus(schedule, ZONE, new Date('2026-03-09T14:30:00Z')), { open: true, closesAt: '17:00' });
  // Autumn: Monday 2 November 2026 is CST again; 22:30Z is 16:30 local, 23:30Z is 17:30.
  assert.equal(isOpenNow(schedule, ZONE, new Date('2026-11-02T22:30:00Z')), true);
  assert.equal(isOpenNow(schedule, ZONE, new Date('2026-11-02T23:30:00Z')), false);
  // The same instant is a different story in another zone.
  assert.equal(isOpenNow(schedule, 'Africa/Mogadishu', new Date('2026-11-02T22:30:00Z')), false);
});

test('opening and closing minutes are exact; the weekend points to Monday', () => {
  const schedule = { regular: weekdays('09:00', '17:00') };
  assert.equal(isOpenNow(schedule, ZONE, new Date('2026-03-09T13:59:00Z')), false, '08:59');
  assert.equal(isOpenNow(schedule, ZONE, new Date('2026-03-09T14:00:00Z')), true, '09:00');
  assert.equal(isOpenNow(schedule, ZONE, new Date('2026-03-09T21:59:00Z')), true, '16:59');
  assert.deepEqual(openStatus(schedule, ZONE, new Date('2026-03-09T22:00:00Z')).opensAt, {
    weekday: 2,
    time: '09:00',
    date: '2026-03-10',
    inDays: 1,
  });
  // Saturday 14 March, noon local.
  assert.deepEqual(openStatus(schedule, ZONE, new Date('2026-03-14T17:00:00Z')).opensAt, {
    weekday: 1,
    time: '09:00',
    date: '2026-03-16',
    inDays: 2,
  });
});

test('hours past midnight count on the next day, and 24:00 closes at the end of the day', () => {
  // A Friday-night shelter line: Friday 20:00 to Saturday 02:00 (CDT, UTC−5, in mid-March 2026).
  const late = { regular: [{ weekday: 5, opensAt: '20:00', closesAt: '02:00' }] };
  assert.deepEqual(openStatus(late, ZONE, new Date('2026-03-14T06:30:00Z')), { open: true, closesAt: '02:00' }, 'Saturday 01:30');
  assert.equal(isOpenNow(late, ZONE, new Date('2026-03-14T07:00:00Z')), false, 'Saturday 02:00');
  assert.equal(isOpenNow(late, ZONE, new Date('2026-03-14T01:00:00Z')), true, 'Friday 20:00');
  assert.equal(isOpenNow(late, ZONE, new Date('2026-03-13T06:30:00Z')), false, 'Friday 01:30: Thursday had no late hours');
  const allDay = { regular: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensAt: '00:00', closesAt: '24:00' })) };
  assert.deepEqual(openStatus(allDay, ZONE, new Date('2026-03-14T04:59:00Z')), { open: true, closesAt: '24:00' }, 'Friday 23:59');
  assert.equal(isOpenNow(allDay, ZONE, new Date('2026-03-14T05:00:00Z')), true, 'Saturday 00:00');
});

test('closures close whole days; no hours means closed with nothing to promise', () => {
  const schedule = { regular: weekdays('09:00', '17:00'), closures: [{ date: '2026-05-25', note: { en: 'Memorial Day' } }] };
  // Monday 25 May 2026, 10:00 CDT.
  assert.deepEqual(openStatus(schedule, ZONE, new Date('2026-05-25T15:00:00Z')), {
    open: false,
    opensAt: { weekday: 2, time: '09:00', date: '2026-05-26', inDays: 1 },
    closure: { date: '2026-05-25', note: { en: 'Memorial Day' } },
  });
  // Just after midnight UTC it is still Memorial Day evening in Chicago; the closure is judged on local dates.
  assert.equal(openStatus(schedule, ZONE, new Date('2026-05-26T03:00:00Z')).closure?.date, '2026-05-25');
  // Friday 22 May, 18:30 CDT, after closing: the next opening skips the weekend and the closed Monday.
  assert.deepEqual(openStatus(schedule, ZONE, new Date('2026-05-22T23:30:00Z')).opensAt, {
    weekday: 2,
    time: '09:00',
    date: '2026-05-26',
    inDays: 4,
  });
  assert.deepEqual(openStatus(undefined, ZONE, new Date()), { open: false });
  assert.deepEqual(openStatus({ regular: [] }, ZONE, new Date()), { open: false });
});

function resource(overrides = {}) {
  return {
    schoolIds: [],
    name: { en: 'Eastside Food Shelf', es: 'Despensa del Este' },
    organizationName: 'Eastside Neighbors',
    description: { en: 'Free groceries once a week.' },
    category: 'food',
    languages: ['en', 'es', 'hmn'],
    phones: [{ number: '651-555-0101', type: 'voice' }],
    timeZone: ZONE,
    schedule: { regular: weekdays('09:00', '17:00') },
    defaultLocale: 'en',
    ...overrides,
  };
}

test('resource content rules', () => {
  assert.deepEqual(validateResourceContent(resource()), []);
  assert.deepEqual(
    pointers(
      validateResourceContent(
        resource({
          name: { es: 'Despensa' },
          organizationName: ' ',
          email: 'nope@',
          phones: [{ number: '12', type: 'voice' }],
          timeZone: 'Mars/Base',
          languages: ['Spanish'],
          schedule: { regular: [{ weekday: 1, opensAt: '09:00', closesAt: '09:00' }], closures: [{ date: '2026-13-45' }] },
        }),
      ),
    ),
    [
      '/name required',
      '/organizationName required',
      '/languages/0 invalid-format',
      '/phones/0/number invalid-format',
      '/email invalid-format',
      '/timeZone invalid-option',
      '/schedule/regular/0/closesAt out-of-range',
      '/schedule/closures/0/date invalid-format',
    ],
  );
  assert.deepEqual(pointers(validateResourceContent(resource({ phones: [] }))), ['/phones required'], 'no way to reach it');
  assert.deepEqual(validateResourceContent(resource({ phones: [], url: 'https://eastside.example' })), []);
});

test('feedback rules', () => {
  assert.deepEqual(validateFeedback({ helpful: true, locale: 'so' }), []);
  assert.deepEqual(pointers(validateFeedback({ helpful: 'yes', locale: 'Somali', comment: 'x'.repeat(1001) })), [
    '/helpful required',
    '/locale invalid-format',
    '/comment too-long',
  ]);
  assert.deepEqual(validateFeedback({ helpful: false, locale: 'en', comment: '👍'.repeat(1000) }), [], 'counted in characters');
});

test('HSDS export and import round-trip every field, translations included', () => {
  const original = {
    ...resource({
      id: 'eastside-food',
      categories: ['health'],
      eligibility: { en: 'Anyone in 55106', es: 'Cualquier persona en 55106' },
      fees: { en: 'Free', hmn: 'Dawb' },
      email: 'hello@eastside.example',
      url: 'https://eastside.example',
      phones: [
        { number: '651-555-0101', type: 'voice', description: { en: 'Main line', es: 'Línea principal' } },
        { number: '651-555-0102', type: 'text' },
      ],
      location: { address: '800 E 7th St', city: 'Saint Paul', region: 'MN', postalCode: '55106', mapUrl: 'https://maps.example/1' },
      schedule: {
        regular: [...weekdays('09:00', '17:00'), { weekday: 6, opensAt: '10:00', closesAt: '13:00' }],
        closures: [{ date: '2026-11-26', note: { en: 'Thanksgiving' } }],
        notes: { en: 'Bring a bag.', so: 'Keen bac.' },
      },
      schoolIds: ['lincoln-elementary'],
    }),
  };
  const hsds = resourcesToHsds([original]);
  assert.equal(hsds.total_items, 1);
  const service = hsds.contents[0];
  assert.equal(service.name, 'Eastside Food Shelf', 'plain HSDS fields hold the default language');
  assert.equal(service.organization.name, 'Eastside Neighbors');
  assert.deepEqual(
    service.schedules.map((s) => [s.byday, s.opens_at, s.closes_at]),
    [
      ['MO,TU,WE,TH,FR', '09:00', '17:00'],
      ['SA', '10:00', '13:00'],
    ],
  );
  assert.deepEqual(service.languages[2], { code: 'hmn', name: 'Hmong' });
  const [item] = resourcesFromHsds(JSON.parse(JSON.stringify(hsds)));
  assert.deepEqual(item.errors, []);
  assert.equal(item.externalId, 'eastside-food');
  const { id: _id, ...input } = original;
  assert.deepEqual(item.resource, input);
});

test('HSDS import is tolerant of missing fields and reads HSDS 2 names', () => {
  const items = resourcesFromHsds(
    {
      services: [
        { id: 'min', name: 'Clothing closet', description: 'Coats and boots', organization: { name: 'PTA' }, email: 'pta@school.example' },
        {
          id: 'v2',
          name: 'Legal clinic',
          description: 'Free advice',
          organization_name: 'Legal Aid',
          categories: ['Legal'],
          languages: ['Spanish', { name: 'Somali' }, 'spa'],
          locations: [{ physical_addresses: [{ address_1: '1 Main St', city: 'Saint Paul', state_province: 'MN', postal_code: '55101' }] }],
          regular_schedule: [
            { weekday: 'Tuesday', opens_at: '9:00:00', closes_at: '12:00:00' },
            { weekday: 4, opens_at: '13:00', closes_at: '16:00' },
          ],
          holiday_schedules: [{ closed: true, start_date: '2026-12-24', end_date: '2026-12-25' }],
        },
      ],
    },
    { defaultLocale: 'es', timeZone: 'America/New_York' },
  );
  assert.deepEqual(items[0].errors, []);
  assert.equal(items[0].resource.category, 'other');
  assert.deepEqual(items[0].resource.name, { es: 'Clothing closet' });
  const legal = items[1].resource;
  assert.equal(legal.category, 'legal');
  assert.deepEqual(legal.languages, ['es', 'so']);
  assert.equal(legal.timeZone, 'America/New_York');
  assert.deepEqual(legal.location, { address: '1 Main St', city: 'Saint Paul', region: 'MN', postalCode: '55101' });
  assert.deepEqual(legal.schedule.regular, [
    { weekday: 2, opensAt: '09:00', closesAt: '12:00' },
    { weekday: 4, opensAt: '13:00', closesAt: '16:00' },
  ]);
  assert.deepEqual(legal.schedule.closures, [{ date: '2026-12-24' }, { date: '2026-12-25' }]);
});

test('HSDS import reports clear errors per service and keeps the good ones', () => {
  const items = resourcesFromHsds([
    'not a service',
    { id: 'no-name', description: 'x', organization: { name: 'Org' }, phones: [{ number: '651-555-0100' }] },
    {
      id: 'bad',
      name: 'Bad',
      description: 'x',
      organization: { name: 'Org' },
      url: 'javascript:alert(1)',
      phones: [{ number: 'call us' }],
      schedules: [{ freq: 'WEEKLY', byday: 'XX', opens_at: '9am', closes_at: '5pm' }],
      x_tandem: { timeZone: 'Nowhere/Town' },
    },
    { id: 'good', name: 'Good', description: 'Fine', organization: { name: 'Org' }, phones: [{ number: '651-555-0100', type: 'voice' }] },
  ]);
  assert.deepEqual(pointers(items[0].errors), [' wrong-type']);
  assert.deepEqual(pointers(items[1].errors), ['/name required']);
  assert.deepEqual(pointers(items[2].errors), [
    '/schedules/0 invalid-format',
    '/url invalid-format',
    '/phones/0/number invalid-format',
    '/x_tandem/timeZone invalid-option',
  ]);
  assert.equal(items[2].resource, undefined, 'a refused service yields no resource');
  assert.deepEqual(items[3].errors, []);
  assert.deepEqual(
    publicResourcesFromHsds(
      [items, { id: 'good', name: 'Good', description: 'Fine', organization: { name: 'Org' }, email: 'a@b.example' }].flat(),
    ).map((r) => [r.id, r.locales]),
    [['good', ['en']]],
  );
  assert.deepEqual(pointers(resourcesFromHsds({ nothing: true })[0].errors), [' wrong-type']);
});

test('HSDS holiday ranges expand to at most a year of closures, however many a file lists', () => {
  const holidays = Array.from({ length: 2000 }, () => ({ closed: true, start_date: '2000-01-01', end_date: '2001-01-01' }));
  const started = Date.now();
  const service = {
    id: 's1',
    name: 'Food shelf',
    description: 'Free food.',
    organization: { name: 'Eastside Neighbors' },
    phones: [{ number: '651-555-0110' }],
    holiday_schedules: holidays,
  };
  const [item] = resourcesFromHsds({ services: [service] }, { timeZone: 'America/Chicago' });
  assert.deepEqual(item.errors, []);
  assert.ok(Date.now() - started < 2000, 'read quickly');
  assert.equal(item.resource.schedule.closures.length, 366);
});
