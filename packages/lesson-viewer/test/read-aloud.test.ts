/** Read aloud: the recording when there is one, else a device voice for the language, highlighted and controllable, or an honest message. */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { MemoryBackend, demoLessons, setUiLocale } from '@tandem/core';
import type { TandemLessonViewer } from '../src/lesson-viewer.js';
import { $, $$, deepActive, renderLesson, resetDevice, textOf } from './helpers.js';

/**
 * Replaces the page's speech engine with a recording one. Headless Chromium has no voices, and a test
 * must not depend on what a machine has installed; the widget code under test is unchanged.
 */
function stubSpeech(voiceLangs: string[]) {
  const spoken: SpeechSynthesisUtterance[] = [];
  const calls: string[] = [];
  const voices = voiceLangs.map((lang) => ({ lang, name: `Test ${lang}`, localService: true, default: false, voiceURI: lang }));
  const stubs: Record<string, unknown> = {
    getVoices: () => voices,
    speak: (u: SpeechSynthesisUtterance) => void spoken.push(u),
    pause: () => void calls.push('pause'),
    resume: () => void calls.push('resume'),
    cancel: () => void calls.push('cancel'),
  };
  for (const [name, value] of Object.entries(stubs)) Object.defineProperty(speechSynthesis, name, { value, configurable: true });
  return {
    spoken,
    calls,
    /** The engine finished the utterance it was speaking. */
    finish: async (el: TandemLessonViewer) => {
      spoken[spoken.length - 1]!.dispatchEvent(new Event('end'));
      await new Promise((r) => setTimeout(r, 0));
      await el.updateComplete;
    },
    restore: () => {
      for (const name of Object.keys(stubs)) delete (speechSynthesis as unknown as Record<string, unknown>)[name];
    },
  };
}

let speech: ReturnType<typeof stubSpeech> | undefined;

describe('<tandem-lesson-viewer> read aloud', () => {
  beforeEach(resetDevice);
  afterEach(async () => {
    speech?.restore();
    speech = undefined;
    await setUiLocale('en');
    await resetDevice();
  });

  it('Hmong with no Hmong voice on the device: says so in Hmong, and nothing is spoken', async () => {
    speech = stubSpeech(['en-US', 'es-MX']);
    const el = await renderLesson(MemoryBackend.withDemoData(), { lang: 'hmn' });
    const button = $<HTMLButtonElement>(el, '[data-section="why"] [part~="read-aloud"]');
    button.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="no-voice"]'), 'no message');
    const message = textOf($(el, '[part~="no-voice"]'));
    expect(message).to.contain('Hmoob');
    expect(message).not.to.contain('This device');
    expect(textOf($(el, '[role="status"]'))).to.equal(message);
    expect(speech.spoken).to.have.length(0);
  });

  it('English with an English voice: reads the section, highlights and announces it, pauses, stops', async () => {
    speech = stubSpeech(['en-GB', 'es-MX']);
    const el = await renderLesson(MemoryBackend.withDemoData(), { lang: 'en' });
    $<HTMLButtonElement>(el, '[data-section="why"] [part~="read-aloud"]').click();
    await waitUntil(() => speech!.spoken.length === 1, 'nothing spoken');
    await el.updateComplete;
    expect(speech.spoken[0]!.text).to.equal('Why it helps');
    expect(speech.spoken[0]!.lang).to.equal('en-GB');
    const section = $(el, '[data-section="why"]');
    expect(section.getAttribute('aria-current')).to.equal('true');
    expect(getComputedStyle(section).backgroundColor).not.to.equal('rgba(0, 0, 0, 0)');
    expect(textOf($(el, '[role="status"]'))).to.equal('Reading aloud: Why it helps');
    expect($(el, '[data-section="words"]').hasAttribute('aria-current')).to.equal(false);

    $<HTMLButtonElement>(el, '[part~="pause"]').click();
    await el.updateComplete;
    expect(speech.calls).to.deep.equal(['pause']);
    $<HTMLButtonElement>(el, '[part~="resume"]').click();
    await el.updateComplete;
    expect(speech.calls).to.deep.equal(['pause', 'resume']);

    const stop = $<HTMLButtonElement>(el, '[part~="stop"]');
    stop.focus();
    stop.click();
    await el.updateComplete;
    expect(speech.calls).to.include('cancel');
    expect(section.hasAttribute('aria-current')).to.equal(false);
    expect(deepActive()?.getAttribute('part')).to.equal('read-aloud');
  });

  it('switching the language while reading stops the voice of the language no longer shown', async () => {
    speech = stubSpeech(['en-GB', 'es-MX']);
    const el = await renderLesson(MemoryBackend.withDemoData(), { lang: 'en' });
    $<HTMLButtonElement>(el, '[data-section="why"] [part~="read-aloud"]').click();
    await waitUntil(() => speech!.spoken.length === 1, 'nothing spoken');
    const select = el.shadowRoot!.querySelector('tandem-language-switch')!.shadowRoot!.querySelector('select')!;
    select.value = 'es';
    select.dispatchEvent(new Event('change'));
    await el.i18n.ready;
    await el.updateComplete;
    expect(speech.calls).to.include('cancel');
    expect($(el, '[data-section="why"]').hasAttribute('aria-current')).to.equal(false);
  });

  it('waits for the browser to list its voices (voiceschanged) before deciding there is none', async () => {
    speech = stubSpeech([]);
    const voices: unknown[] = [];
    Object.defineProperty(speechSynthesis, 'getVoices', { value: () => voices, configurable: true });
    const el = await renderLesson(MemoryBackend.withDemoData(), { lang: 'en' });
    const started = performance.now();
    $<HTMLButtonElement>(el, '[data-section="why"] [part~="read-aloud"]').click();
    await new Promise((r) => setTimeout(r, 100));
    expect(el.shadowRoot!.querySelector('[part~="no-voice"]'), 'no verdict before the voices are known').to.equal(null);
    voices.push({ lang: 'en-US', name: 'Late voice', localService: true, default: true, voiceURI: 'late' });
    speechSynthesis.dispatchEvent(new Event('voiceschanged'));
    await waitUntil(() => speech!.spoken.length === 1, 'nothing spoken once the voices arrived');
    expect(performance.now() - started, 'started when the voices arrived, not after giving up').to.be.lessThan(1000);
    expect(el.shadowRoot!.querySelector('[part~="no-voice"]')).to.equal(null);
  });

  it('reads the whole lesson in order, moving the highlight and announcing each part; Escape stops', async () => {
    speech = stubSpeech(['en-US']);
    const el = await renderLesson(MemoryBackend.withDemoData(), { lang: 'en' });
    const readAll = $<HTMLButtonElement>(el, '[part~="read-all"]');
    readAll.focus();
    readAll.click();
    await waitUntil(() => speech!.spoken.length === 1, 'nothing spoken');
    await el.updateComplete;
    expect($(el, '[data-section="why"]').getAttribute('aria-current')).to.equal('true');
    expect(textOf($(el, '[role="status"]'))).to.equal('Reading aloud: Why it helps');
    await speech.finish(el);
    await speech.finish(el);
    expect(speech.spoken[2]!.text).to.equal('Math words to use');
    expect($(el, '[data-section="why"]').hasAttribute('aria-current')).to.equal(false);
    expect($(el, '[data-section="words"]').getAttribute('aria-current')).to.equal('true');
    expect(textOf($(el, '[role="status"]'))).to.equal('Reading aloud: Math words to use');
    expect($<HTMLInputElement>(el, '[data-section="why"] input[name="read"]').checked, 'the part read is counted').to.equal(true);

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(speech.calls).to.include('cancel');
    expect($(el, '[data-section="words"]').hasAttribute('aria-current')).to.equal(false);
    expect(textOf($(el, '[role="status"]'))).to.equal('Stopped reading aloud.');
  });

  it('the whole lesson in Somali with no Somali voice: the message appears by the button pressed', async () => {
    speech = stubSpeech(['en-US']);
    const backend = MemoryBackend.withDemoData();
    const lesson = backend.lessons.get('demo-lesson');
    backend.lessons.add({
      ...lesson,
      locales: [...lesson.locales, 'so'],
      sections: lesson.sections.map((s) => ({ ...s, body: { ...s.body, so: 'Karinta waxay isticmaashaa tirooyin.' } })),
    });
    const el = await renderLesson(backend, { lang: 'so' });
    $<HTMLButtonElement>(el, '[part~="read-all"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="read-all-controls"] [part~="no-voice"]'), 'no message by the button');
    expect(textOf($(el, '[part~="read-all-controls"] [part~="no-voice"]'))).to.contain('Soomaali');
    expect(speech.spoken).to.have.length(0);
  });

  it('reading a section to the end counts it as read', async () => {
    speech = stubSpeech(['en-US']);
    const el = await renderLesson(MemoryBackend.withDemoData(), { lang: 'en' });
    $<HTMLButtonElement>(el, '[data-section="why"] [part~="read-aloud"]').click();
    await waitUntil(() => speech!.spoken.length === 1);
    await speech.finish(el);
    expect(speech.spoken.map((u) => u.text)).to.deep.equal([
      'Why it helps',
      'Cooking uses numbers in a way children can see and touch. You do not need to be good at math to help.',
    ]);
    await speech.finish(el);
    expect($<HTMLInputElement>(el, '[data-section="why"] input[name="read"]').checked).to.equal(true);
    expect(textOf($(el, '[part~="progress"]'))).to.contain('1 of 2 parts read');
    expect($(el, '[data-section="why"]').hasAttribute('aria-current')).to.equal(false);
  });

  it('a section with a Spanish recording offers it, labelled, in Spanish; other parts and languages use Read aloud', async () => {
    const backend = MemoryBackend.withDemoData();
    const es = await renderLesson(backend, { lesson: 'bedtime-lesson', lang: 'es' });
    const audio = $<HTMLAudioElement>(es, '[data-section="why"] audio');
    expect(audio.controls).to.equal(true);
    expect(audio.getAttribute('src')).to.equal('https://tandem.example/audio/bedtime-why-es.mp3');
    const label = es.shadowRoot!.getElementById(audio.getAttribute('aria-labelledby')!)!;
    expect(textOf(label)).to.equal('Grabación en español');
    expect(label.getBoundingClientRect().height, 'the label is visible').to.be.greaterThan(0);
    expect(es.shadowRoot!.querySelector('[data-section="why"] [part~="read-aloud"]')).to.equal(null);
    expect(es.shadowRoot!.querySelector('[data-section="how"] [part~="read-aloud"]')).to.exist;
    es.parentElement!.remove();
    const en = await renderLesson(backend, { lesson: 'bedtime-lesson', lang: 'en' });
    expect(en.shadowRoot!.querySelector('[data-section="why"] audio')).to.equal(null);
    expect(en.shadowRoot!.querySelector('[data-section="why"] [part~="read-aloud"]')).to.exist;
  });

  it('playing a recording highlights its section and, at the end, counts it as read', async () => {
    const lesson = demoLessons()[0]!;
    lesson.sections[0]!.audio = { en: new URL('./fixtures/silence.wav', import.meta.url).href };
    const backend = new MemoryBackend();
    backend.lessons.add(lesson);
    const el = await renderLesson(backend, { lang: 'en' });
    const audio = $<HTMLAudioElement>(el, '[data-section="why"] audio');
    audio.muted = true;
    // Chromium lets media play only after the person interacted with the page, as a family has by then.
    await sendMouse({ type: 'click', position: [1, 1] });
    await audio.play();
    await waitUntil(() => $(el, '[data-section="why"]').getAttribute('aria-current') === 'true', 'not highlighted');
    expect(textOf($(el, '[role="status"]'))).to.equal('Reading aloud: Why it helps');
    await waitUntil(() => $<HTMLInputElement>(el, '[data-section="why"] input[name="read"]').checked, 'not counted as read', {
      timeout: 4000,
    });
    expect($(el, '[data-section="why"]').hasAttribute('aria-current')).to.equal(false);
  });

  it('a recording that cannot be played gives way to Read aloud, and says so', async () => {
    const lesson = demoLessons()[0]!;
    lesson.sections[0]!.audio = { en: new URL('./fixtures/not-audio.txt', import.meta.url).href };
    const backend = new MemoryBackend();
    backend.lessons.add(lesson);
    const el = await renderLesson(backend, { lang: 'en' });
    const audio = $<HTMLAudioElement>(el, '[data-section="why"] audio');
    audio.load();
    await waitUntil(() => el.shadowRoot!.querySelector('[data-section="why"] [part~="read-aloud"]'), 'no fallback', { timeout: 4000 });
    expect($$(el, '[data-section="why"] audio')).to.have.length(0);
    expect(textOf($(el, '[role="status"]'))).to.contain('could not be played');
  });
});
