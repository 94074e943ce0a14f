/** A lesson's progress on this device: the parts marked as read, and the part the family was at, to continue from next time. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadProgress, saveProgress, type LessonProgress } from './lesson-store.js';

type Host = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

const SECTIONS = '[part~="section"]';

export class ReadingProgress implements ReactiveController {
  #progress: LessonProgress = { read: [] };
  /** The part kept from an earlier visit, offered as "continue where you left off" until used. */
  #resumeAt: string | undefined;
  #key = '';
  #observer?: IntersectionObserver;
  readonly #host: Host;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  get read(): readonly string[] {
    return this.#progress.read;
  }

  get resumeAt(): string | undefined {
    return this.#resumeAt;
  }

  /** Reads what this device kept for the lesson stored under `key`, forgetting sections it no longer has. */
  load(key: string, sectionIds: readonly string[]): void {
    this.#key = key;
    const kept = loadProgress(key);
    this.#progress = { read: kept.read.filter((id) => sectionIds.includes(id)), ...(kept.at ? { at: kept.at } : {}) };
    // At the first part there is nothing to continue from.
    this.#resumeAt = kept.at && kept.at !== sectionIds[0] && sectionIds.includes(kept.at) ? kept.at : undefined;
    this.#host.requestUpdate();
  }

  mark(sectionId: string, read: boolean): void {
    const set = new Set(this.#progress.read);
    if (read) set.add(sectionId);
    else set.delete(sectionId);
    this.#save({ ...this.#progress, read: [...set] });
  }

  /** Scrolls to the part the family was at and focuses its heading. */
  async resume(): Promise<void> {
    const id = this.#resumeAt ?? '';
    this.#resumeAt = undefined;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const section = this.#host.renderRoot.querySelector<HTMLElement>(`[data-section="${CSS.escape(id)}"]`);
    section?.scrollIntoView({ block: 'start' });
    (section?.querySelector<HTMLElement>('h3') ?? section)?.focus();
  }

  hostUpdated(): void {
    if (!this.#key || typeof IntersectionObserver !== 'function') return;
    this.#observer ??= this.#watchScrolling();
    // Observing an element twice is a no-op, so newly rendered sections are simply added.
    for (const section of this.#host.renderRoot.querySelectorAll(SECTIONS)) this.#observer.observe(section);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  /** Remembers the topmost section in view as the family scrolls. */
  #watchScrolling(): IntersectionObserver {
    const visible = new Set<Element>();
    return new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) visible.add(entry.target);
        else visible.delete(entry.target);
      }
      const top = [...this.#host.renderRoot.querySelectorAll<HTMLElement>(SECTIONS)].find((s) => visible.has(s));
      const at = top?.dataset.section;
      if (at && at !== this.#progress.at) this.#save({ ...this.#progress, at });
    });
  }

  #save(progress: LessonProgress): void {
    this.#progress = progress;
    saveProgress(this.#key, progress);
    this.#host.requestUpdate();
  }
}
