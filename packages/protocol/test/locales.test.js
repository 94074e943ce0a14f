// Locale matching and text fallback decide which language a family reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchSupportedLocale, pickText, isRtl, routePath, routes } from '../dist/index.js';

test('browser and page tags map to the supported locale that serves them', () => {
  assert.equal(matchSupportedLocale('es-MX'), 'es');
  assert.equal(matchSupportedLocale('ZH-cn'), 'zh-Hans');
  assert.equal(matchSupportedLocale('zh-Hans-CN'), 'zh-Hans');
  assert.equal(matchSupportedLocale('zh-TW'), undefined);
  assert.equal(matchSupportedLocale('hmn'), 'hmn');
  assert.equal(matchSupportedLocale('ar-EG'), 'ar');
  assert.equal(matchSupportedLocale('de'), undefined);
  assert.equal(matchSupportedLocale(''), undefined);
});

test('pickText prefers the wanted language, then its base, then the default, and says when it fell back', () => {
  const text = { en: 'Hello', es: 'Hola', hmn: '  ' };
  assert.deepEqual(pickText(text, 'es', 'en'), { text: 'Hola', locale: 'es', isFallback: false });
  assert.deepEqual(pickText(text, 'es-MX', 'en'), { text: 'Hola', locale: 'es', isFallback: false });
  assert.deepEqual(pickText(text, 'hmn', 'en'), { text: 'Hello', locale: 'en', isFallback: true });
  assert.deepEqual(pickText({ so: 'Salaan' }, 'vi', 'en'), { text: 'Salaan', locale: 'so', isFallback: true });
});

test('Arabic is right-to-left, the others are not', () => {
  assert.equal(isRtl('ar'), true);
  assert.equal(isRtl('ar-SA'), true);
  assert.equal(isRtl('hmn'), false);
  assert.equal(isRtl('zh-Hans'), false);
});

test('routePath fills and escapes parameters', () => {
  assert.equal(routePath(routes.submitSurveyResponse, { surveyId: 'a b' }), '/api/v1/public/surveys/a%20b/responses');
  assert.throws(() => routePath(routes.getPublicSurvey), /surveyId/);
});
