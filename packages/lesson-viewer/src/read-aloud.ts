/** Reads lesson sections aloud with the browser's speech synthesis, in a voice for the text's language, one section at a time. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long to wait for the browser to list its voices (Chromium loads them after the page). */
const VOICES_WAIT_MS = 1500;

export interface SpokenPart {
  /** The section this text belongs to, so it can be highlighted while it is read. */
  sectionId: string;
  /** The text's language (a BCP 47 tag). */
  locale: string;
  /** Short chunks (a heading, a paragraph, a list item): Chromium stops long utterances after about 15 seconds. */
  chunks: string[];
}

export type SpeechState = 'idle' | 'speaking' | 'paused';

export interface ReadAloudEvents {
  /** A section starts being read (to announce it). */
  onSectionStart(sectionId: string, locale: string): void;
  /** A section was read to its end (to count it as read). */
  onSectionRead(sectionId: string): void;
}

const synth = (): SpeechSynthesis | undefined => globalThis.speechSynthesis;

async function voices(): Promise<SpeechSynthesisVoice[]> {
  const speech = synth();
  if (!speech) return [];
  const now = speech.getVoices();
  if (now.length > 0) return now;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, VOICES_WAIT_MS);
    speech.addEventListener(
      'voiceschanged',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
  return speech.getVoices();
}

const normalize = (tag: string) => tag.replace(/_/g, '-').toLowerCase();
const language = (tag: string) => normalize(tag).split('-')[0]!;

/** A voice that speaks `locale`: the exact tag first, then the same language (`es-MX` for `es`), on-device voices first. */
export async function voiceFor(locale: string): Promise<SpeechSynthesisVoice | undefined> {
  const all = await voices();
  const wanted = normalize(locale);
  const matching = all.filter((v) => language(v.lang) === language(wanted));
  const exact = matching.filter((v) => normalize(v.lang) === wanted);
  const ranked = [...exact, ...matching];
  return ranked.find((v) => v.localService) ?? ranked[0];
}

export class ReadAloud implements ReactiveController {
  state: SpeechState = 'idle';
  /** The section being read now. */
  current?: { sectionId: string; locale: string };

  #run = 0;
  readonly #host: ReactiveControllerHost;
  readonly #events: ReadAloudEvents;

  constructor(host: ReactiveControllerHost, events: ReadAloudEvents) {
    this.#host = host;
    this.#events = events;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.stop();
  }

  /** Whether this browser can speak at all. */
  get supported(): boolean {
    return !!synth() && typeof SpeechSynthesisUtterance === 'function';
  }

  /**
   * Reads `parts` in order. Resolves false, saying nothing, when there is no voice for the first part's
   * language, so the widget can tell the family why rather than stay silent.
   */
  async speak(parts: SpokenPart[]): Promise<boolean> {
    this.stop();
    const run = this.#run;
    const speech = synth();
    const first = parts[0];
    if (!speech || !first || !this.supported) return false;
    const voice = await voiceFor(first.locale);
    if (run !== this.#run) return true;
    if (!voice) return false;
    void this.#speakAll(parts, voice, run);
    return true;
  }

  async #speakAll(parts: SpokenPart[], voice: SpeechSynthesisVoice, run: number): Promise<void> {
    for (const part of parts) {
      if (run !== this.#run) return;
      this.#set('speaking', { sectionId: part.sectionId, locale: part.locale });
      this.#events.onSectionStart(part.sectionId, part.locale);
      for (const chunk of part.chunks) {
        const finished = await this.#say(chunk, voice, run);
        if (!finished || run !== this.#run) return;
      }
      this.#events.onSectionRead(part.sectionId);
    }
    if (run === this.#run) this.#set('idle', undefined);
  }

  #say(text: string, voice: SpeechSynthesisVoice, run: number): Promise<boolean> {
    return new Promise((resolve) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = voice.lang;
      try {
        utterance.voice = voice;
      } catch {
        // A voice object the engine does not recognise (another frame's, a polyfill's): the language still picks one.
      }
      utterance.rate = 0.9;
      utterance.onend = () => resolve(true);
      utterance.onerror = () => {
        // Interrupted by stop() or by another page: end this reading quietly.
        if (run === this.#run) this.#set('idle', undefined);
        resolve(false);
      };
      synth()!.speak(utterance);
    });
  }

  pause(): void {
    if (this.state !== 'speaking') return;
    synth()?.pause();
    this.#set('paused', this.current);
  }

  resume(): void {
    if (this.state !== 'paused') return;
    synth()?.resume();
    this.#set('speaking', this.current);
  }

  stop(): void {
    this.#run++;
    if (this.state !== 'idle') {
      synth()?.cancel();
      // Chromium keeps the queue paused after cancel(), which would silence the next reading.
      if (this.state === 'paused') synth()?.resume();
    }
    this.#set('idle', undefined);
  }

  #set(state: SpeechState, current: ReadAloud['current']): void {
    if (state === this.state && current === this.current) return;
    this.state = state;
    this.current = current;
    this.#host.requestUpdate();
  }
}
