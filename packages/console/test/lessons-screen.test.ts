/** <console-lessons>: building a bilingual lesson with a picture, reordering, validation that keeps input, translation, publish, preview and axe. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { SAVED_LOCALE_KEY, saveLocale } from '@tandem/core';
import { clearTandemStorage, expectAxeClean } from '@tandem/core/testing.js';
import {
  routes,
  validateLessonContent,
  type ConsoleSession,
  type Lesson,
  type LessonCompletions,
  type LessonInput,
  type RouteSpec,
} from '@tandem/protocol';
import { sendKeys } from '@web/test-runner-commands';
import { ConsoleError, type CallOptions, type ConsoleCaller } from '../src/console-client.js';
import '../src/screens/lessons/console-lessons.js';
import type { ConsoleLessons } from '../src/screens/lessons/lessons-screen.js';
import { sessionFor, text } from './console-fakes.js';

const SESSION: ConsoleSession = sessionFor('school-admin');

/** Answers the staff lesson routes from memory, checking bodies as the server does, and records every call. */
class FakeLessonApi implements ConsoleCaller {
  lessons = new Map<string, Lesson>();
  calls: { route: RouteSpec; options: CallOptions }[] = [];
  failNext: ConsoleError | undefined;
  /** Stand-in for POST /content-translations; undefined answers like a server without a provider (503). */
  translate: ((body: { from: string; to: string[]; texts: string[] }) => unknown) | undefined;
  completions: LessonCompletions | undefined;

  async call<T>(route: RouteSpec, options: CallOptions = {}): Promise<T> {
    this.calls.push({ route, options: structuredClone(options) });
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = undefined;
      throw error;
    }
    const now = new Date().toISOString();
    const id = options.params?.lessonId ?? '';
    const store = (input: LessonInput, before?: Lesson): T => {
      const errors = validateLessonContent(input);
      if (errors.length > 0)
        throw new ConsoleError(
          'invalid',
          422,
          0,
          errors.map((e) => e.pointer),
        );
      const lesson: Lesson = {
        ...structuredClone(input),
        id: before?.id ?? `lesson-${this.lessons.size + 1}`,
        locales: [input.defaultLocale, ...Object.keys(input.title).filter((l) => l !== input.defaultLocale)],
        status: before?.status ?? 'draft',
        completions: before?.completions ?? 0,
        createdAt: before?.createdAt ?? now,
        updatedAt: now,
      };
      this.lessons.set(lesson.id, lesson);
      return structuredClone(lesson) as T;
    };
    switch (route) {
      case routes.listLessons:
        return { items: [...this.lessons.values()] } as T;
      case routes.getLesson:
        return structuredClone(this.lessons.get(id)) as T;
      case routes.createLesson:
        return store(options.body as LessonInput);
      case routes.updateLesson:
        return store({ ...this.lessons.get(id)!, ...(options.body as LessonInput) }, this.lessons.get(id));
      case routes.publishLesson:
      case routes.unpublishLesson: {
        const lesson = this.lessons.get(id)!;
        lesson.status = route === routes.publishLesson ? 'published' : 'draft';
        return structuredClone(lesson) as T;
      }
      case routes.getLessonCompletions:
        return (this.completions ?? { lessonId: id, total: 0, byLocale: [], items: [] }) as T;
      case routes.translateContent:
        if (!this.translate) throw new ConsoleError('server', 503);
        return this.translate(options.body as { from: string; to: string[]; texts: string[] }) as T;
      default:
        throw new Error(`FakeLessonApi: unexpected ${route.method} ${route.path}`);
    }
  }

  bodiesOf(route: RouteSpec): unknown[] {
    return this.calls.filter((c) => c.route === route).map((c) => c.options.body);
  }
}

async function mount(api = new FakeLessonApi(), lang = 'en') {
  const el = await fixture<ConsoleLessons>(html`<console-lessons lang=${lang} .api=${api} .session=${SESSION}></console-lessons>`);
  await settle(el);
  return { el, api };
}

const $ = <E extends Element = HTMLElement>(el: ConsoleLessons, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: ConsoleLessons, selector: string) => [...el.shadowRoot!.querySelectorAll<E>(selector)];
const focused = (el: ConsoleLessons) => el.shadowRoot!.activeElement as HTMLElement | null;
const field = (el: ConsoleLessons, id: string) => $<HTMLInputElement | HTMLTextAreaElement>(el, `#${id}`)!;

/** Waits for renders, including focus moves scheduled for after the next render. */
async function settle(el: ConsoleLessons): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
  }
}

/** Focuses a control and types into it with the keyboard. */
async function typeIn(el: ConsoleLessons, id: string, value: string): Promise<void> {
  field(el, id).focus();
  await sendKeys({ type: value });
  await settle(el);
}

/** Sets a long value the way a paste does (typing every character is slow), firing input. */
async function paste(el: ConsoleLessons, id: string, value: string): Promise<void> {
  const control = field(el, id);
  control.focus();
  control.value = value;
  control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await settle(el);
}

async function press(el: ConsoleLessons, target: HTMLElement, key = 'Enter'): Promise<void> {
  target.focus();
  await sendKeys({ press: key });
  await settle(el);
}

/** A new lesson with the English texts every lesson needs. */
async function startLesson(api = new FakeLessonApi(), lang = 'en') {
  const mounted = await mount(api, lang);
  await press(mounted.el, $(mounted.el, '[data-action="new"]')!);
  await paste(mounted.el, 't_title-en', 'Counting at the store');
  await paste(mounted.el, 't_summary-en', 'Practise numbers while you shop.');
  await paste(mounted.el, 't_sections_0_body-en', 'Count the apples **together**.');
  await paste(mounted.el, 't_tip-en', 'Let your child pay.');
  return mounted;
}

describe('<console-lessons>', () => {
  beforeEach(async () => {
    localStorage.clear();
    await clearTandemStorage();
    history.replaceState(null, '', location.pathname);
  });
  afterEach(() => history.replaceState(null, '', location.pathname));

  it('lists lessons with status, languages and how many families tried each', async () => {
    const api = new FakeLessonApi();
    api.lessons.set('l1', {
      id: 'l1',
      schoolIds: [],
      title: { en: 'Bedtime stories', es: 'Cuentos para dormir' },
      summary: { en: 'Read together.' },
      gradeBand: 'pre-k',
      subject: 'reading',
      minutes: 10,
      defaultLocale: 'en',
      sections: [{ id: 's', body: { en: 'Read.' } }],
      steps: [],
      questions: [],
      tip: { en: 'Every night.' },
      locales: ['en', 'es'],
      status: 'published',
      completions: 12,
      createdAt: '2026-03-01T10:00:00Z',
      updatedAt: '2026-03-02T10:00:00Z',
    });
    const { el } = await mount(api);
    await waitUntil(() => $$(el, 'tbody tr').length === 1);
    const row = text($(el, 'tbody tr'));
    expect(row).to.contain('Bedtime stories');
    expect(row).to.contain('Published');
    expect(row).to.contain('Pre-K');
    expect(row).to.contain('Español');
    expect(text($(el, '[data-completions]'))).to.equal('12');
  });

  it('opens the lesson an address names, and the Lessons link goes back to the list once unsaved changes are confirmed', async () => {
    const api = new FakeLessonApi();
    const { el: first } = await startLesson(api);
    await press(first, $(first, '[data-action="save"]')!);
    first.remove();
    expect(location.hash).to.equal('#/lessons/lesson-1');

    const { el } = await mount(api);
    await waitUntil(() => $(el, '#builder-heading'), 'the lesson opens');
    expect(field(el, 't_title-en').value).to.equal('Counting at the store');
    await paste(el, 't_title-en', 'Counting at the market');
    location.hash = '#/lessons';
    await waitUntil(() => $(el, '#leave-heading'), 'asks before dropping unsaved changes');
    await press(el, $(el, '[data-action="leave"]')!);
    expect(focused(el)?.id).to.equal('list-heading');
    await waitUntil(() => $$(el, 'tbody tr').length === 1);
  });

  it('builds a lesson in English and Spanish side by side with a picture and its description in both', async () => {
    const { el, api } = await mount();
    await press(el, $(el, '[data-action="new"]')!);
    expect(focused(el)?.id).to.equal('builder-heading');
    expect(field(el, 't_title-es').lang, 'Spanish is edited beside English').to.equal('es');

    await typeIn(el, 't_title-en', 'Counting at the store');
    await typeIn(el, 't_title-es', 'Contar en la tienda');
    await paste(el, 't_summary-en', 'Practise numbers while you shop.');
    await paste(el, 't_summary-es', 'Practiquen los números mientras compran.');
    await typeIn(el, 't_sections_0_heading-en', 'At the store');
    await paste(el, 't_sections_0_body-en', 'Count the apples **together**.\n\n- one\n- two');
    await paste(el, 't_sections_0_body-es', 'Cuenten las manzanas **juntos**.');

    // The picture: a checkbox reveals its address, and its description in both languages.
    await press(el, $(el, '[data-picture]')!, 'Space');
    expect(focused(el)?.id, 'focus moves to the picture address').to.equal('t_sections_0_image_url-url');
    await sendKeys({ type: 'https://example.org/apples.jpg' });
    await paste(el, 't_sections_0_image_alt-en', 'A child holds three red apples.');
    await paste(el, 't_sections_0_image_alt-es', 'Un niño sostiene tres manzanas rojas.');
    await paste(el, 't_sections_0_audio_es-url', 'https://example.org/apples-es.mp3');
    await paste(el, 't_tip-en', 'Let your child pay.');
    await paste(el, 't_tip-es', 'Deje que su hijo pague.');
    await press(el, $(el, '[data-add="steps"]')!);
    expect(focused(el)?.id).to.equal('t_steps_0-en');
    await sendKeys({ type: 'Make a list' });

    await press(el, $(el, '[data-action="save"]')!);
    const [body] = api.bodiesOf(routes.createLesson) as LessonInput[];
    expect(body!.title).to.deep.equal({ en: 'Counting at the store', es: 'Contar en la tienda' });
    expect(body!.sections[0]!.heading).to.deep.equal({ en: 'At the store' });
    expect(body!.sections[0]!.body.en).to.equal('Count the apples **together**.\n\n- one\n- two');
    expect(body!.sections[0]!.image).to.deep.equal({
      url: 'https://example.org/apples.jpg',
      alt: { en: 'A child holds three red apples.', es: 'Un niño sostiene tres manzanas rojas.' },
    });
    expect(body!.sections[0]!.audio).to.deep.equal({ es: 'https://example.org/apples-es.mp3' });
    expect(body!.steps).to.deep.equal([{ en: 'Make a list' }]);
    expect(body!.minutes).to.equal(15);
    expect(body!.schoolIds, "a school admin's lesson starts at their first school").to.deep.equal(['s1']);
    expect(text($(el, '#notice'))).to.equal('Saved.');
    expect(location.hash).to.equal('#/lessons/lesson-1');
  });

  it('reorders sections with the keyboard, keeping focus on the moved section, and by dragging', async () => {
    const { el, api } = await startLesson();
    await press(el, $(el, '[data-action="add-section"]')!);
    expect(focused(el)?.id, 'focus moves into the new section').to.equal('t_sections_1_heading-en');
    expect(text($(el, '[role="status"][aria-live="polite"]'))).to.equal('Section 2 added.');
    await paste(el, 't_sections_1_body-en', 'Second part');
    await press(el, $(el, '[data-action="add-section"]')!);
    await paste(el, 't_sections_2_body-en', 'Third part');

    const third = $$(el, '[data-section]')[2]!.getAttribute('data-section')!;
    await press(el, $(el, `[data-move="up"][data-item="${third}"]`)!);
    expect(text($(el, '[role="status"][aria-live="polite"]'))).to.equal('Moved to position 2 of 3.');
    expect(focused(el)?.getAttribute('data-item')).to.equal(third);
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect($$(el, '[data-section]')[0]!.getAttribute('data-section')).to.equal(third);
    // At the top "Move up" is disabled, so focus rests on the same section's "Move down".
    expect(focused(el)?.getAttribute('data-move')).to.equal('down');
    expect(focused(el)?.getAttribute('data-item')).to.equal(third);

    // Dragging the last section onto the first moves it there.
    const cards = $$(el, '[data-section]');
    const last = cards[2]!.getAttribute('data-section')!;
    const transfer = new DataTransfer();
    cards[2]!
      .querySelector('.drag-handle')!
      .dispatchEvent(new DragEvent('dragstart', { dataTransfer: transfer, bubbles: true, composed: true }));
    const over = new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true, composed: true });
    cards[0]!.dispatchEvent(over);
    expect(over.defaultPrevented, 'the first section accepts the drop').to.equal(true);
    cards[0]!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true, composed: true }));
    await settle(el);
    expect($$(el, '[data-section]')[0]!.getAttribute('data-section')).to.equal(last);

    await press(el, $(el, '[data-action="save"]')!);
    const [body] = api.bodiesOf(routes.createLesson) as LessonInput[];
    expect(body!.sections.map((s) => s.body.en)).to.deep.equal(['Second part', 'Third part', 'Count the apples **together**.']);
  });

  it('refuses to save a lesson with missing texts or a picture without description, keeps what was typed and sends nothing', async () => {
    const { el, api } = await mount();
    await press(el, $(el, '[data-action="new"]')!);
    await typeIn(el, 't_title-es', 'Solo en español');
    await paste(el, 'minutes', '1o');
    await press(el, $(el, '[data-picture]')!, 'Space');
    await paste(el, 't_sections_0_image_url-url', 'apples.jpg');
    // Only an organization admin may offer a lesson to every school.
    await press(el, $(el, 'fieldset input[type="checkbox"]')!, 'Space');
    await press(el, $(el, '[data-action="save"]')!);

    expect(api.bodiesOf(routes.createLesson), 'nothing is sent').to.have.length(0);
    const title = field(el, 't_title-en');
    expect(focused(el), 'focus goes to the first field to fix').to.equal(title);
    expect(title.getAttribute('aria-invalid')).to.equal('true');
    expect(text(el.shadowRoot!.getElementById(title.getAttribute('aria-describedby')!))).to.equal('Write this in English.');
    const summary = text($(el, '#error-summary'));
    expect(summary).to.contain('Schools: Choose one of your schools.');
    expect(summary).to.contain('Minutes it takes: Enter a whole number of minutes from 1 to 240.');
    expect(summary).to.contain('Section 1, picture: Enter a web address that starts with https://');
    expect(summary).to.contain('Section 1, picture: Describe the picture in English for families who cannot see it.');
    expect(field(el, 't_title-es').value, 'what was typed stays').to.equal('Solo en español');
    expect(field(el, 'minutes').value).to.equal('1o');
    expect(field(el, 't_sections_0_image_url-url').value).to.equal('apples.jpg');

    // A link families would get as plain words is pointed out, without stopping the save.
    await paste(el, 't_sections_0_body-en', 'See [the school site](www.lincoln.example).');
    expect(text($(el, '[data-note]'))).to.equal(
      'Families will see only the words of the link to "www.lincoln.example": links must start with https://, mailto: or tel:.',
    );
    await paste(el, 't_sections_0_body-en', 'See [the school site](https://www.lincoln.example).');
    expect($(el, '[data-note]')).to.equal(null);

    // Fixing a field clears its error at once.
    await paste(el, 't_title-en', 'Now titled');
    expect(field(el, 't_title-en').getAttribute('aria-invalid')).to.equal('false');
  });

  it("shows the server's field errors next to the fields and keeps the input", async () => {
    const { el, api } = await startLesson();
    api.failNext = new ConsoleError('invalid', 422, 0, ['/schoolIds/0', '/sections/0/body']);
    await press(el, $(el, '[data-action="save"]')!);
    expect(text($(el, '#error-summary'))).to.contain('Schools: Choose one of your schools.');
    expect(field(el, 't_sections_0_body-en').getAttribute('aria-invalid')).to.equal('true');
    expect(field(el, 't_sections_0_body-en').value).to.equal('Count the apples **together**.');
    expect(field(el, 't_title-en').value).to.equal('Counting at the store');
    expect(api.lessons.size, 'no lesson was stored').to.equal(0);

    // A dropped connection: the same create key is sent again, so the server makes one lesson.
    api.failNext = new ConsoleError('network');
    await press(el, $(el, '[data-action="save"]')!);
    expect(text($(el, '#form-error'))).to.contain('Your changes are still here.');
    await press(el, $(el, '[data-action="save"]')!);
    const keys = api.calls.filter((c) => c.route === routes.createLesson).map((c) => c.options.idempotencyKey);
    expect(keys).to.have.length(3);
    expect(new Set(keys).size, 'every try of the same lesson carries one key').to.equal(1);
    expect(api.lessons.size).to.equal(1);
  });

  it('translates missing languages, marks them machine translated, and marks one reviewed', async () => {
    const api = new FakeLessonApi();
    api.translate = ({ to, texts }) => ({
      provider: 'test',
      from: 'en',
      targets: to.map((locale) => ({ locale, status: 'translated', texts: texts.map((t) => `[${locale}] ${t}`) })),
    });
    const { el } = await startLesson(api);
    await paste(el, 't_title-es', 'Contar en la tienda');
    await press(el, $(el, '[data-action="translate"]')!);
    const [request] = api.bodiesOf(routes.translateContent) as { from: string; to: string[]; texts: string[] }[];
    expect(request!.from).to.equal('en');
    expect(request!.to).to.include('es').and.include('ar');
    expect(field(el, 't_title-es').value, "a person's text is kept").to.equal('Contar en la tienda');
    expect(field(el, 't_summary-es').value).to.equal('[es] Practise numbers while you shop.');
    expect(text($(el, '#notice'))).to.contain('Check each one and mark it reviewed.');
    const summaryNote = $(el, '#t_summary-es-mt')!;
    expect(text(summaryNote)).to.contain('Machine translated, not reviewed yet.');
    expect(field(el, 't_summary-es').getAttribute('aria-describedby')).to.contain('t_summary-es-mt');
    expect($(el, '#t_title-es-mt'), 'typed text carries no machine mark').to.equal(null);

    await press(el, summaryNote.querySelector('button')!);
    expect($(el, '#t_summary-es-mt')).to.equal(null);
    expect(focused(el)?.id).to.equal('t_summary-es');
    expect($(el, '#t_tip-es-mt'), 'other marks stay').to.exist;
  });

  it('saves the machine-translation marks with the lesson and shows them again when it is opened later', async () => {
    const api = new FakeLessonApi();
    api.translate = ({ to, texts }) => ({
      provider: 'test',
      from: 'en',
      targets: to.map((locale) => ({ locale, status: 'translated', texts: texts.map((t) => `[${locale}] ${t}`) })),
    });
    const { el: first } = await startLesson(api);
    await paste(first, 't_title-es', 'Contar en la tienda');
    await press(first, $(first, '[data-action="translate"]')!);
    await press(first, $(first, '#t_summary-es-mt button')!);
    await press(first, $(first, '[data-action="save"]')!);
    const [sent] = api.bodiesOf(routes.createLesson) as LessonInput[];
    expect(sent!.machineTranslated!['tip'], 'machine-filled and not reviewed').to.include('es');
    expect(sent!.machineTranslated!['summary'] ?? [], 'reviewed').to.not.include('es');
    expect(sent!.machineTranslated!['title'] ?? [], 'typed by a person').to.not.include('es');
    first.remove();

    const { el } = await mount(api);
    await waitUntil(() => $(el, '#builder-heading'), 'the lesson opens');
    expect($(el, '#t_tip-es-mt'), 'the mark came back from the server').to.exist;
    expect($(el, '#t_summary-es-mt')).to.equal(null);
  });

  it('keys step marks by position for the API, and a mark follows its step when the steps are reordered', async () => {
    const api = new FakeLessonApi();
    api.lessons.set('l1', {
      id: 'l1',
      schoolIds: ['s1'],
      title: { en: 'Bedtime stories', es: 'Cuentos para dormir' },
      summary: { en: 'Read together.' },
      gradeBand: 'pre-k',
      subject: 'reading',
      minutes: 10,
      defaultLocale: 'en',
      sections: [{ id: 's', body: { en: 'Read.' } }],
      steps: [
        { en: 'Pick a book.', es: 'Elijan un libro.' },
        { en: 'Read slowly.', es: 'Lean despacio.' },
      ],
      questions: [],
      tip: { en: 'Every night.' },
      machineTranslated: { 'step:1': ['es'], title: ['es'] },
      locales: ['en', 'es'],
      status: 'draft',
      completions: 0,
      createdAt: '2026-03-01T10:00:00Z',
      updatedAt: '2026-03-02T10:00:00Z',
    });
    location.hash = '#/lessons/l1';
    const { el } = await mount(api);
    await waitUntil(() => $(el, '#builder-heading'), 'the lesson opens');
    expect($(el, '#t_steps_1-es-mt'), 'the second step is marked').to.exist;
    expect($(el, '#t_steps_0-es-mt')).to.equal(null);

    const second = $$(el, '[data-item-card]')[1]!.getAttribute('data-item-card')!;
    await press(el, $(el, `[data-move="up"][data-item="${second}"]`)!);
    expect($(el, '#t_steps_0-es-mt'), 'the mark moved with its step').to.exist;
    await press(el, $(el, '[data-action="save"]')!);
    const [sent] = api.bodiesOf(routes.updateLesson) as LessonInput[];
    expect(sent!.machineTranslated).to.deep.equal({ title: ['es'], 'step:0': ['es'] });
  });

  it('says so when the server has no translation service, changing nothing', async () => {
    const { el } = await startLesson();
    await press(el, $(el, '[data-action="translate"]')!);
    expect(text($(el, '#form-error'))).to.contain('No translation service is available');
    expect(field(el, 't_summary-es').value).to.equal('');
  });

  it('publishes after saving, then offers the embed code and completion counts', async () => {
    const api = new FakeLessonApi();
    const { el } = await startLesson(api);
    await press(el, $(el, '[data-action="publish"]')!);
    expect(focused(el)?.id).to.equal('confirm-heading');
    await press(el, $(el, '[data-action="confirm"]')!);
    await waitUntil(() => api.calls.some((c) => c.route === routes.publishLesson));
    await settle(el);
    expect(api.calls.map((c) => c.route).filter((r) => r !== routes.listLessons)).to.deep.equal([
      routes.createLesson,
      routes.publishLesson,
    ]);
    expect(text($(el, '#notice'))).to.equal('Published. Families can read it now.');
    expect(text($(el, '.heading-row .status'))).to.equal('Published');
    expect($(el, '[data-action="unpublish"]')).to.exist;
    const script = field(el, 'embed-script').value;
    expect(script).to.contain('<tandem-lesson-viewer lesson="lesson-1"></tandem-lesson-viewer>');
    expect(field(el, 'embed-iframe').value).to.contain('/embed/lesson-viewer/lesson-1');

    api.completions = {
      lessonId: 'lesson-1',
      total: 3,
      byLocale: [
        { locale: 'es', count: 2 },
        { locale: 'en', count: 1 },
      ],
      items: [{ id: 'c1', locale: 'es', reflection: '¡Le encantó!', completedAt: new Date().toISOString() }],
    };
    await press(el, $(el, '[data-action="refresh-completions"]')!);
    expect(text($(el, '#completion-total'))).to.equal('3 families said "We tried it!"');
    expect(text($(el, '[data-locale="es"]'))).to.equal('Español: 2');
    expect(text($(el, '.reflections'))).to.equal('¡Le encantó!');

    await press(el, $(el, '[data-action="unpublish"]')!);
    await press(el, $(el, '[data-action="confirm"]')!);
    await waitUntil(() => api.calls.some((c) => c.route === routes.unpublishLesson));
    await settle(el);
    expect(text($(el, '.heading-row .status'))).to.equal('Draft');
  });

  it('previews the draft in the real lesson viewer, in Arabic right to left', async () => {
    const { el } = await startLesson();
    await choose(el, 'second-locale', 'ar');
    await paste(el, 't_title-ar', 'العد في المتجر');
    await paste(el, 't_sections_0_body-ar', 'عدّوا التفاح معًا.');
    $(el, '[data-action="preview"]')!.click();
    const viewer = () => $(el, 'tandem-lesson-viewer');
    await waitUntil(() => viewer()?.shadowRoot?.textContent?.includes('Counting at the store'), 'preview shows the draft', {
      timeout: 5000,
    });
    expect(text(viewer()!.shadowRoot!.querySelector('[part~="body"]'))).to.contain('Count the apples together.');

    await choose(el, 'preview-locale', 'ar');
    await waitUntil(() => viewer()?.shadowRoot?.textContent?.includes('العد في المتجر'), 'Arabic preview', { timeout: 5000 });
    expect(viewer()!.getAttribute('lang')).to.equal('ar');
    expect(viewer()!.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(viewer()!.shadowRoot!.querySelector('[part~="base"]')!).direction).to.equal('rtl');
    expect($(el, '.preview-frame')!.getAttribute('dir')).to.equal('rtl');
    await expectAxeClean(el);

    // UI strings are one set per page: closing the preview gives the console its English back.
    await press(el, $(el, '[data-action="close-preview"]')!);
    expect($(el, 'tandem-lesson-viewer')).to.equal(null);
    expect(focused(el)?.getAttribute('data-action')).to.equal('preview');
    await waitUntil(() => text($(el, '#preview-heading')) === 'Preview', 'the console speaks English again', { timeout: 5000 });
    expect(text($(el, '[data-action="save"]'))).to.equal('Save draft');
  });

  it("previews the language chosen for the preview even when the staff member's own saved language is another", async () => {
    saveLocale('es'); // a language switch on this origin remembers Spanish
    const { el } = await startLesson();
    await choose(el, 'second-locale', 'ar');
    await paste(el, 't_title-ar', 'العد في المتجر');
    $(el, '[data-action="preview"]')!.click();
    await waitUntil(() => $(el, 'tandem-lesson-viewer'), 'the preview opens', { timeout: 5000 });
    await choose(el, 'preview-locale', 'ar');
    const viewer = () => $(el, 'tandem-lesson-viewer')!;
    await waitUntil(() => viewer().shadowRoot?.textContent?.includes('العد في المتجر'), 'Arabic preview', { timeout: 5000 });
    expect(viewer().getAttribute('lang')).to.equal('ar');
    expect(localStorage.getItem(SAVED_LOCALE_KEY), 'the preview changes nothing the staff member chose').to.equal('es');
  });

  it('speaks the console language: Spanish words for the builder, Spanish field errors', async () => {
    const { el } = await mount(new FakeLessonApi(), 'es');
    await waitUntil(() => text($(el, 'h1')) === 'Lecciones', 'Spanish list heading', { timeout: 5000 });
    await press(el, $(el, '[data-action="new"]')!);
    expect(text($(el, '#builder-heading'))).to.equal('Nueva lección');
    await press(el, $(el, '[data-action="save"]')!);
    expect(text($(el, '#t_title-en-error'))).to.equal('Escriba esto en inglés.');
  });

  it('[axe] the list and the builder are accessible in English and in Arabic (RTL)', async () => {
    for (const lang of ['en', 'ar']) {
      const { el } = await startLesson(new FakeLessonApi(), lang);
      await press(el, $(el, '[data-picture]')!, 'Space');
      await press(el, $(el, '[data-add="questions"]')!);
      await expectAxeClean(el);
      // With errors shown too.
      await paste(el, 't_title-en', '');
      await press(el, $(el, '[data-action="save"]')!);
      await expectAxeClean(el);
      await press(el, $(el, '[data-action="back"]')!);
      await press(el, $(el, '[data-action="leave"]')!);
      await expectAxeClean(el);
    }
  });
});

async function choose(el: ConsoleLessons, id: string, value: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, `#${id}`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await settle(el);
}
