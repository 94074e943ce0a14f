/** One lesson section: heading, picture, text (side by side in two languages when asked), read-aloud controls and "done reading". */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { localeDisplayName } from '@tandem/core';
import { renderMachineNote } from '@tandem/core/ui.js';
import { parseMarkdown, showsMachineTranslation, type LessonSection, type MachineTranslated } from '@tandem/protocol';
import { renderBlock } from '../markdown-view.js';
import { paired, pairedText, pick } from '../localized-text.js';
import type { SpeechState } from '../read-aloud.js';
import { noVoiceMessage } from '../lesson-messages.js';

export interface SectionOptions {
  section: LessonSection;
  /** The languages shown: the reading language, then the second language of the bilingual view. */
  languages: readonly string[];
  defaultLocale: string;
  /** The lesson's unreviewed machine translations, for the quiet note on this section's text. */
  machineTranslated?: MachineTranslated | undefined;
  read: boolean;
  /** Speech or a recording is reading this section now, in `readingLocale`. */
  reading: boolean;
  readingLocale?: string | undefined;
  speech: SpeechState;
  /** The language (of the text shown) that has no voice on this device, after the family asked for one. */
  noVoice?: string | undefined;
  /** Recordings that failed to play; the device voice is offered instead. */
  brokenAudio: ReadonlySet<string>;
  onReadAloud(sectionId: string, locale: string): void;
  onPause(): void;
  onResume(): void;
  onStop(): void;
  onRecording(sectionId: string, locale: string, event: Event): void;
  onMarkRead(sectionId: string, read: boolean): void;
}

const safeUrl = (url: string | undefined) => (url && /^https?:\/\//i.test(url) ? url : undefined);

function listenControls(options: SectionOptions, locale: string, several: boolean): TemplateResult {
  const { section } = options;
  const name = localeDisplayName(locale);
  const recording = safeUrl(section.audio?.[locale]);
  if (recording && !options.brokenAudio.has(recording)) {
    const labelId = `recording-${section.id}-${locale}`;
    return html`<figure class="recording" part="recording">
      <figcaption id=${labelId}>${msg(str`Recording in ${name}`, { id: 'lesson.recording' })}</figcaption>
      <audio
        controls
        preload="none"
        src=${recording}
        aria-labelledby=${labelId}
        @play=${(e: Event) => options.onRecording(section.id, locale, e)}
        @pause=${(e: Event) => options.onRecording(section.id, locale, e)}
        @ended=${(e: Event) => options.onRecording(section.id, locale, e)}
        @error=${(e: Event) => options.onRecording(section.id, locale, e)}
      ></audio>
    </figure>`;
  }
  if (options.reading && options.readingLocale === locale && options.speech !== 'idle') {
    return html`<div class="speech-controls">
      ${
        options.speech === 'paused'
          ? html`<button type="button" class="button" part="resume" @click=${options.onResume}>
              ${msg('Continue reading', { id: 'lesson.resume' })}
            </button>`
          : html`<button type="button" class="button" part="pause" @click=${options.onPause}>
              ${msg('Pause', { id: 'lesson.pause' })}
            </button>`
      }
      <button type="button" class="button" part="stop" @click=${options.onStop}>${msg('Stop', { id: 'lesson.stop' })}</button>
    </div>`;
  }
  return html`<button
      type="button"
      class="button"
      part="read-aloud"
      data-locale=${locale}
      @click=${() => options.onReadAloud(section.id, locale)}
    >
      ${several ? msg(str`Read aloud in ${name}`, { id: 'lesson.read-aloud-in' }) : msg('Read aloud', { id: 'lesson.read-aloud' })}
    </button>
    ${options.noVoice === locale ? html`<p class="no-voice" part="no-voice">${noVoiceMessage(name)}</p>` : nothing}`;
}

/** Whether any text of the section the family reads (heading, text, picture description) is an unreviewed machine translation. */
function machineTranslated(options: SectionOptions): boolean {
  const { section, languages, defaultLocale, machineTranslated: marks } = options;
  const texts = { heading: section.heading, body: section.body, imageAlt: section.image?.alt };
  return Object.entries(texts).some(([part, text]) =>
    showsMachineTranslation(marks, `section:${section.id}:${part}`, text, languages[0]!, defaultLocale),
  );
}

export function renderSection(options: SectionOptions): TemplateResult {
  const { section, languages, defaultLocale } = options;
  const headingId = `heading-${section.id}`;
  const image = section.image;
  const imageUrl = safeUrl(image?.url);
  // The text's own languages (a missing translation falls back), so speech and recordings match what is shown.
  const shown = [...new Set(languages.map((l) => pick(section.body, l, defaultLocale).locale))];
  return html`<section
    class="section ${options.reading ? 'section--reading' : ''}"
    part="section"
    data-section=${section.id}
    aria-labelledby=${section.heading ? headingId : nothing}
    tabindex=${section.heading ? nothing : '-1'}
    aria-current=${options.reading ? 'true' : nothing}
  >
    ${section.heading ? html`<h3 id=${headingId} tabindex="-1">${pairedText(languages, section.heading, defaultLocale)}</h3>` : nothing}
    ${machineTranslated(options) ? renderMachineNote() : nothing}
    ${
      image && imageUrl
        ? html`<img
            class="picture"
            part="image"
            src=${imageUrl}
            alt=${pick(image.alt, languages[0]!, defaultLocale).text}
            loading="lazy"
          />`
        : nothing
    }
    ${paired(languages, (wanted) => {
      const p = pick(section.body, wanted, defaultLocale);
      return { locale: p.locale, content: parseMarkdown(p.text).map(renderBlock) };
    })}
    <div class="listen" part="listen">${shown.map((locale) => listenControls(options, locale, languages.length > 1))}</div>
    <label class="check">
      <input
        type="checkbox"
        name="read"
        value=${section.id}
        .checked=${options.read}
        @change=${(e: Event) => options.onMarkRead(section.id, (e.target as HTMLInputElement).checked)}
      />
      <span>${msg('Done reading this part', { id: 'lesson.mark-read' })}</span>
    </label>
  </section>`;
}
