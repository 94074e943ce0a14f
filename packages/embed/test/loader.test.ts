/** The loader's promise to host pages: a widget's code arrives when its tag appears, once, and never fights an existing definition. */
import { expect } from '@open-wc/testing';
import { defineOnSight } from '../src/define-on-sight.js';

let observers: MutationObserver[] = [];
let sandbox: HTMLElement;
let tagCount = 0;

/** A tag no other test has used, since the custom-element registry lives as long as the page. */
const freshTag = (): string => `tandem-test-${++tagCount}`;

/** A load function that records URLs and defines the tag the way a real widget entry would. */
function recordingLoad(tagOf: Record<string, string>) {
  const loaded: string[] = [];
  const load = async (url: string): Promise<void> => {
    loaded.push(url);
    const tag = tagOf[url];
    if (tag && !customElements.get(tag)) customElements.define(tag, class extends HTMLElement {});
  };
  return { loaded, load };
}

function watch(...args: Parameters<typeof defineOnSight>): MutationObserver {
  const observer = defineOnSight(...args);
  observers.push(observer);
  return observer;
}

/** MutationObserver callbacks run as microtasks after the DOM change; one macrotask later they have all run. */
const settle = () => new Promise((resolve) => setTimeout(resolve));

const base = 'https://cdn.example/tandem/';

beforeEach(() => {
  sandbox = document.createElement('div');
  document.body.append(sandbox);
});

afterEach(() => {
  for (const observer of observers) observer.disconnect();
  observers = [];
  sandbox.remove();
});

describe('defineOnSight (the loader)', () => {
  it('loads nothing on a page without widgets, even as the page changes', async () => {
    const tag = freshTag();
    const { loaded, load } = recordingLoad({});
    watch({ [tag]: 'widgets/a.js' }, base, document, load);
    sandbox.innerHTML = '<p>School news</p><section><article>Lunch menu</article></section>';
    await settle();
    expect(loaded).to.deep.equal([]);
    expect(customElements.get(tag)).to.equal(undefined);
  });

  it('imports and upgrades a widget that is already in the page', async () => {
    const url = new URL('./fixtures/tandem-fixture-widget.js', import.meta.url).href;
    sandbox.innerHTML = '<main><tandem-fixture-widget></tandem-fixture-widget></main>';
    expect(customElements.get('tandem-fixture-widget')).to.equal(undefined);

    watch({ 'tandem-fixture-widget': url }, base);
    await customElements.whenDefined('tandem-fixture-widget');

    expect(sandbox.querySelector('tandem-fixture-widget')!.textContent).to.equal('fixture widget ready');
    expect((globalThis as { fixtureWidgetEvaluations?: number }).fixtureWidgetEvaluations).to.equal(1);
  });

  it('resolves entries against the base URL it is given', async () => {
    const tag = freshTag();
    const { loaded, load } = recordingLoad({});
    sandbox.innerHTML = `<${tag}></${tag}>`;
    watch({ [tag]: 'widgets/survey.js' }, 'https://cdn.example/prefix/tandem.js', document, load);
    expect(loaded).to.deep.equal(['https://cdn.example/prefix/widgets/survey.js']);
  });

  it('waits until a host script adds the widget, then loads it', async () => {
    const tag = freshTag();
    const url = `${base}widgets/late.js`;
    const { loaded, load } = recordingLoad({ [url]: tag });
    watch({ [tag]: 'widgets/late.js' }, base, document, load);
    await settle();
    expect(loaded).to.deep.equal([]);

    sandbox.append(document.createElement(tag));
    await settle();
    expect(loaded).to.deep.equal([url]);
    expect(customElements.get(tag)).to.not.equal(undefined);
  });

  it('finds a widget nested deep inside a subtree added in one go', async () => {
    const tag = freshTag();
    const { loaded, load } = recordingLoad({});
    watch({ [tag]: 'widgets/nested.js' }, base, document, load);

    const card = document.createElement('div');
    card.innerHTML = `<section><div class="col"><p>Tell us</p><${tag} survey="x"></${tag}></div></section>`;
    sandbox.append(card);
    await settle();
    expect(loaded).to.deep.equal([`${base}widgets/nested.js`]);
  });

  it('finds a widget added inside a subtree that was already in the page', async () => {
    const tag = freshTag();
    sandbox.innerHTML = '<div class="sidebar"><ul><li id="slot"></li></ul></div>';
    const { loaded, load } = recordingLoad({});
    watch({ [tag]: 'widgets/sidebar.js' }, base, document, load);
    await settle();
    expect(loaded).to.deep.equal([]);

    sandbox.querySelector('#slot')!.append(document.createElement(tag));
    await settle();
    expect(loaded).to.deep.equal([`${base}widgets/sidebar.js`]);
  });

  it('imports each entry once however many of its elements appear, and only the entries used', async () => {
    const used = freshTag();
    const unused = freshTag();
    const { loaded, load } = recordingLoad({});
    sandbox.innerHTML = `<${used}></${used}><${used}></${used}>`;
    watch({ [used]: 'widgets/used.js', [unused]: 'widgets/unused.js' }, base, document, load);

    sandbox.append(document.createElement(used));
    await settle();
    const later = document.createElement('div');
    later.innerHTML = `<${used}></${used}><div><${used}></${used}></div>`;
    sandbox.append(later);
    await settle();

    expect(loaded).to.deep.equal([`${base}widgets/used.js`]);
  });

  it('loads each of several different widgets that arrive in one subtree', async () => {
    const [survey, rsvp, lesson] = [freshTag(), freshTag(), freshTag()];
    const { loaded, load } = recordingLoad({});
    watch({ [survey]: 'widgets/survey.js', [rsvp]: 'widgets/rsvp.js', [lesson]: 'widgets/lesson.js' }, base, document, load);

    const page = document.createElement('main');
    page.innerHTML = `<aside><${rsvp}></${rsvp}></aside><article><p><${survey}></${survey}></p></article>`;
    sandbox.append(page);
    await settle();
    expect([...loaded].sort()).to.deep.equal([`${base}widgets/rsvp.js`, `${base}widgets/survey.js`]);
  });

  it('leaves a tag alone when the page already defined it (an npm copy)', async () => {
    const tag = freshTag();
    class HostCopy extends HTMLElement {}
    customElements.define(tag, HostCopy);
    const { loaded, load } = recordingLoad({});
    sandbox.innerHTML = `<${tag}></${tag}>`;
    watch({ [tag]: 'widgets/copy.js' }, base, document, load);
    sandbox.append(document.createElement(tag));
    await settle();

    expect(loaded).to.deep.equal([]);
    expect(sandbox.querySelector(tag)).to.be.instanceOf(HostCopy);
  });

  it('watches only the root it is given', async () => {
    const tag = freshTag();
    const { loaded, load } = recordingLoad({});
    const watched = document.createElement('div');
    sandbox.append(watched);
    watch({ [tag]: 'widgets/rooted.js' }, base, watched, load);

    sandbox.append(document.createElement(tag));
    await settle();
    expect(loaded).to.deep.equal([]);
    watched.append(document.createElement(tag));
    await settle();
    expect(loaded).to.deep.equal([`${base}widgets/rooted.js`]);
  });
});

describe('/tandem.js', () => {
  const globals = globalThis as { tandemBackendBase?: string };

  it('points widgets at the folder it was served from', async () => {
    delete globals.tandemBackendBase;
    await import('../src/loader.js');
    expect(globals.tandemBackendBase).to.equal(new URL('../src/', import.meta.url).href);
  });

  it('keeps a backend base the page set before it', async () => {
    globals.tandemBackendBase = 'https://district.example/tandem/';
    // A query string makes the browser evaluate a second, fresh copy of the module.
    await import(/* @vite-ignore */ new URL('../src/loader.ts?again', import.meta.url).href);
    expect(globals.tandemBackendBase).to.equal('https://district.example/tandem/');
  });
});
