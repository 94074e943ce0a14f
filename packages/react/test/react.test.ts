/** @tandem/react in a real React 19 root: props land on the elements as properties, and the typed `on…` props fire. */
import { expect, waitUntil } from '@open-wc/testing';
import { MemoryBackend, type TandemErrorEvent } from '@tandem/core';
import { clearTandemStorage } from '@tandem/core/testing.js';
import type { PublicSurvey } from '@tandem/protocol';
import type { TandemEventRsvp as RsvpElement, TandemRsvpChangedEvent } from '@tandem/event-rsvp';
import type { TandemLessonCompletedEvent, TandemLessonViewer as LessonElement } from '@tandem/lesson-viewer';
import {
  MemoryMessaging,
  type TandemInbox as InboxElement,
  type TandemMessageBox as BoxElement,
  type TandemSignedInEvent,
} from '@tandem/message-box';
import type { TandemFeedbackSentEvent, TandemResourceCard as CardElement, TandemResourceList as ListElement } from '@tandem/resource-card';
import type { TandemSubmittedEvent, TandemSurvey as SurveyElement } from '@tandem/survey';
import { clear, createStore } from 'idb-keyval';
import { createElement as h, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import {
  TandemConfig,
  TandemEventRsvp,
  TandemInbox,
  TandemLessonViewer,
  TandemMessageBox,
  TandemResourceCard,
  TandemResourceList,
  TandemSurvey,
  type TandemSurveyProps,
} from '../src/index.js';

const oneQuestion: PublicSurvey = {
  id: 'one-page',
  title: { en: 'Quick question' },
  defaultLocale: 'en',
  locales: ['en'],
  status: 'published',
  school: { id: 'lincoln', name: 'Lincoln Elementary' },
  sections: [{ id: 's', questions: [{ id: 'ok', type: 'yes-no', required: true, prompt: { en: 'Is the new pickup time OK?' } }] }],
};

type Phased = HTMLElement & { phase: string; updateComplete: Promise<boolean> };

let container: HTMLElement;
let root: Root;

/** Renders `element` into a fresh React root and returns the custom element `tag` once it has loaded. */
async function render<E extends Phased>(element: ReactElement, tag: string): Promise<E> {
  root.render(element);
  await waitUntil(() => container.querySelector(tag), `React never rendered <${tag}>`);
  const el = container.querySelector(tag) as E;
  await waitUntil(() => el.phase !== 'loading', `<${tag}> never left the loading state (is ${el.phase})`, { timeout: 4000 });
  await el.updateComplete;
  return el;
}

function part<E extends Element = HTMLElement>(el: Element, selector: string): E {
  const found = el.shadowRoot!.querySelector<E>(selector);
  if (!found) throw new Error(`No ${selector} in <${el.localName}>`);
  return found;
}

/** Clicks the label of a radio or checkbox, as a person does. */
async function tick(el: Phased, selector: string): Promise<void> {
  (part(el, selector).closest('label') as HTMLLabelElement).click();
  await el.updateComplete;
}

/** Collects the events a handler prop receives. */
function recorder<T>() {
  const seen: T[] = [];
  return { seen, handler: (event: T) => void seen.push(event) };
}

async function resetDevice(): Promise<void> {
  localStorage.clear();
  await clearTandemStorage();
  for (const [db, store] of [
    ['tandem-answered', 'entries'],
    ['tandem-rsvps', 'entries'],
    ['tandem-lessons', 'copies'],
    // Where the message box keeps a family's session (@tandem/message-box's SESSION_DB and SESSION_STORE).
    ['tandem-family-sessions', 'sessions'],
  ] as const)
    await clear(createStore(db, store));
}

describe('@tandem/react', () => {
  beforeEach(async () => {
    await resetDevice();
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(async () => {
    root.unmount();
    container.remove();
    await resetDevice();
  });

  it('TandemSurvey sets its props on <tandem-survey>, and onTandemSubmitted gets the response id', async () => {
    const backend = new MemoryBackend();
    backend.addSurvey(oneQuestion);
    const submitted = recorder<TandemSubmittedEvent>();
    const props: TandemSurveyProps = { backend, surveyId: 'one-page', identityToken: 'signed.jwt.token', lang: 'en' };
    const el = await render<SurveyElement>(
      h(TandemSurvey, { ...props, id: 'family-survey', className: 'school-survey', onTandemSubmitted: submitted.handler }),
      'tandem-survey',
    );

    // Objects arrive as properties (an attribute could only carry a string).
    expect(el.backend).to.equal(backend);
    expect(el.surveyId).to.equal('one-page');
    expect(el.identityToken).to.equal('signed.jwt.token');
    expect(el.id).to.equal('family-survey');
    expect(el.getAttribute('class')).to.equal('school-survey');
    expect(part(el, 'h2, h1').textContent).to.contain('Quick question');

    await tick(el, 'input[data-answer-for="ok"][value="true"]');
    part<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => submitted.seen.length > 0, 'onTandemSubmitted never fired');
    expect(submitted.seen).to.have.length(1);
    expect(submitted.seen[0]!.detail.surveyId).to.equal('one-page');
    expect(submitted.seen[0]!.detail.responseId).to.be.a('string');
    expect(backend.responses('one-page')).to.deep.equal([{ answers: { ok: true }, locale: 'en', identityToken: 'signed.jwt.token' }]);
  });

  it('a re-render updates the element and swaps the handler; a dropped prop is unset', async () => {
    const backend = new MemoryBackend();
    const first = recorder<TandemErrorEvent>();
    const second = recorder<TandemErrorEvent>();
    const el = await render<SurveyElement>(
      h(TandemSurvey, { backend, surveyId: 'missing', identityToken: 'signed.jwt', onTandemError: first.handler }),
      'tandem-survey',
    );
    await waitUntil(() => first.seen.length > 0, 'onTandemError never fired for a survey that does not exist');
    expect(first.seen[0]!.detail.message).to.be.a('string').and.not.equal('');

    root.render(h(TandemSurvey, { backend, surveyId: 'still-missing', onTandemError: second.handler }));
    await waitUntil(() => el.surveyId === 'still-missing', 'the new surveyId never reached the element');
    await waitUntil(() => second.seen.length > 0, 'the new onTandemError handler never fired');
    // One listener per event, pointing at the latest handler: the old one heard nothing more.
    expect(first.seen).to.have.length(1);
    expect(el.identityToken, 'identityToken was dropped from the props').to.equal(undefined);
  });

  it('TandemEventRsvp sets eventId, and onTandemRsvpChanged reports the RSVP', async () => {
    const backend = MemoryBackend.withDemoData();
    const changed = recorder<TandemRsvpChangedEvent>();
    const el = await render<RsvpElement>(
      h(TandemEventRsvp, { backend, eventId: 'demo-event', lang: 'en', onTandemRsvpChanged: changed.handler }),
      'tandem-event-rsvp',
    );
    expect(el.eventId).to.equal('demo-event');
    await tick(el, 'input[name="response"][value="not-going"]');
    part<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => changed.seen.length > 0, 'onTandemRsvpChanged never fired');
    expect(changed.seen[0]!.detail).to.include({ eventId: 'demo-event', status: 'declined' });
    expect(backend.events.list('demo-event')).to.have.length(1);
  });

  it('TandemResourceCard sets resourceId, and onTandemFeedbackSent reports "helpful"', async () => {
    const backend = MemoryBackend.withDemoData();
    const sent = recorder<TandemFeedbackSentEvent>();
    const el = await render<CardElement>(
      h(TandemResourceCard, { backend, resourceId: 'demo-food-shelf', lang: 'en', onTandemFeedbackSent: sent.handler }),
      'tandem-resource-card',
    );
    expect(el.resourceId).to.equal('demo-food-shelf');
    part<HTMLButtonElement>(el, '[part~="feedback-yes"]').click();
    await waitUntil(() => sent.seen.length > 0, 'onTandemFeedbackSent never fired');
    expect(sent.seen[0]!.detail).to.include({ resourceId: 'demo-food-shelf', helpful: true });
    expect(backend.resources.feedbackFor('demo-food-shelf')).to.deep.equal([{ helpful: true, locale: 'en' }]);
  });

  it('TandemResourceList sets its filters as properties (a boolean stays a boolean)', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await render<ListElement>(
      h(TandemResourceList, { backend, school: 'lincoln-elementary', openNow: false, category: 'food', lang: 'en' }),
      'tandem-resource-list',
    );
    expect(el.school).to.equal('lincoln-elementary');
    expect(el.category).to.equal('food');
    expect(el.openNow).to.equal(false);
    // `openNow={false}` as an attribute would read as "on" (any open-now attribute is true).
    expect(el.hasAttribute('open-now')).to.equal(false);
    root.render(h(TandemResourceList, { backend, school: 'lincoln-elementary', openNow: true, category: 'food', lang: 'en' }));
    await waitUntil(() => el.hasAttribute('open-now'), 'openNow={true} never reached the element');
  });

  it('TandemLessonViewer sets lessonId, and onTandemLessonCompleted fires after "We tried it!"', async () => {
    const backend = MemoryBackend.withDemoData();
    const completed = recorder<TandemLessonCompletedEvent>();
    const el = await render<LessonElement>(
      h(TandemLessonViewer, { backend, lessonId: 'demo-lesson', lang: 'es', onTandemLessonCompleted: completed.handler }),
      'tandem-lesson-viewer',
    );
    expect(el.lessonId).to.equal('demo-lesson');
    expect(el.lang).to.equal('es');
    part<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => completed.seen.length > 0, 'onTandemLessonCompleted never fired');
    expect(completed.seen[0]!.detail).to.include({ lessonId: 'demo-lesson', locale: 'es' });
  });

  it('TandemMessageBox sets messaging and organization, and onTandemSignedIn fires when the family signs in', async () => {
    const messaging = MemoryMessaging.withDemoData();
    const signedIn = recorder<TandemSignedInEvent>();
    const el = await render<BoxElement>(
      h(TandemMessageBox, { messaging, organization: 'demo', lang: 'en', onTandemSignedIn: signedIn.handler }),
      'tandem-message-box',
    );
    expect(el.messaging).to.equal(messaging);
    expect(el.organization).to.equal('demo');
    const code = part<HTMLInputElement>(el, '#invite-code');
    code.value = 'DEMO-FAMILY';
    code.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    part<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => signedIn.seen.length > 0, 'onTandemSignedIn never fired');
    expect(signedIn.seen[0]!.detail).to.include({ familyId: 'family-garcia', via: 'invite' });
  });

  it('TandemInbox sets the staff token as a property only, never as an attribute in the page', async () => {
    const messaging = MemoryMessaging.withDemoData();
    const el = await render<InboxElement>(
      h(TandemInbox, { messaging, staffToken: 'demo-staff-token', canExport: true, lang: 'en' }),
      'tandem-inbox',
    );
    expect(el.staffToken).to.equal('demo-staff-token');
    expect(el.canExport).to.equal(true);
    expect(container.innerHTML).not.to.contain('demo-staff-token');
    // The token let the staff member in: the family's conversation is listed.
    await waitUntil(
      () => [...el.shadowRoot!.querySelectorAll('[part~="conversation"]')].some((c) => c.textContent!.includes('The García family')),
      'the inbox never listed the demo conversations',
    );
  });

  it('TandemConfig points the widgets inside it at one server', async () => {
    root.render(h(TandemConfig, { backend: 'https://tandem.example.org/' }, h(TandemSurvey, { surveyId: 'x' })));
    await waitUntil(() => container.querySelector('tandem-config tandem-survey'), 'nothing rendered');
    const config = container.querySelector('tandem-config')!;
    await waitUntil(() => config.getAttribute('backend') === 'https://tandem.example.org/', 'backend never reached <tandem-config>');
    const survey = container.querySelector<SurveyElement>('tandem-survey')!;
    expect((survey.resolveBackend() as { baseUrl?: string }).baseUrl).to.equal('https://tandem.example.org/');
  });
});

// Types a React developer relies on: the compiler (packages/react/test/tsconfig.json) rejects these.
export function typeChecks(): ReactElement[] {
  return [
    // @ts-expect-error surveyId is a string
    h(TandemSurvey, { surveyId: 42 }),
    // @ts-expect-error the handler gets a TandemSubmittedEvent, whose detail has no `status`
    h(TandemSurvey, { onTandemSubmitted: (event) => event.detail.status }),
    h(TandemEventRsvp, { onTandemRsvpChanged: (event) => event.detail.status satisfies string }),
    // @ts-expect-error a widget's internal state is no prop
    h(TandemResourceCard, { phase: 'ready' }),
  ];
}
