/** Privacy modes and sandboxed iframes block storage: the widget must keep working for the page's life. */
import { expect } from '@open-wc/testing';
import { Outbox, resolveLocale, saveLocale, savedLocale } from '../src/index.js';

function blockGlobal(name: 'localStorage' | 'indexedDB'): () => void {
  // Chromium defines these on window itself: keep the real descriptor to put back.
  const original = Object.getOwnPropertyDescriptor(window, name) ?? Object.getOwnPropertyDescriptor(Window.prototype, name);
  Object.defineProperty(window, name, {
    configurable: true,
    get() {
      throw new DOMException(`${name} is blocked`, 'SecurityError');
    },
  });
  return () => {
    if (original) Object.defineProperty(window, name, original);
  };
}

describe('with storage blocked', () => {
  it('remembers the language choice for this page when localStorage throws', () => {
    const unblock = blockGlobal('localStorage');
    try {
      expect(savedLocale()).to.equal(undefined);
      saveLocale('hmn');
      expect(savedLocale()).to.equal('hmn');
      expect(resolveLocale(document.body)).to.equal('hmn');
      saveLocale(undefined);
    } finally {
      unblock();
    }
    expect(() => localStorage.getItem('x')).not.to.throw();
  });

  it('keeps outbox entries in memory when IndexedDB is unavailable', async () => {
    const unblock = blockGlobal('indexedDB');
    try {
      const box = new Outbox('tandem-test-blocked', 'entries');
      const entry = {
        id: 'e1',
        kind: 'survey-response',
        target: 'demo',
        backendKey: 'memory',
        payload: { answers: {}, locale: 'en' },
        createdAt: new Date().toISOString(),
        attempts: 0,
      };
      await box.add(entry);
      expect(await box.get('e1')).to.deep.equal(entry);
      expect((await box.list({ target: 'demo' })).map((e) => e.id)).to.deep.equal(['e1']);
      await box.remove('e1');
      expect(await box.list()).to.deep.equal([]);
    } finally {
      unblock();
    }
  });
});
