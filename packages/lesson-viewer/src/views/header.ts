/** The header: language tools, print, title, summary, grade band / subject / time, saved-copy note and progress. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { localeDisplayName } from '@tandem/core';
import { renderMachineNote } from '@tandem/core/ui.js';
import {
  LOCALE_NAMES,
  matchSupportedLocale,
  showsMachineTranslation,
  SUPPORTED_LOCALES,
  type PublicLesson,
  type SupportedLocale,
} from '@tandem/protocol';
import { gradeBandLabel, minutesLabel, subjectLabel } from '../lesson-labels.js';
import { noVoiceMessage } from '../lesson-messages.js';
import { pairedText, pick } from '../localized-text.js';

export interface HeaderOptions {
  lesson: PublicLesson;
  languages: readonly string[];
  /** The family's reading language (the UI language). */
  locale: string;
  /** The bilingual view's second language, when it is on. */
  second: string | undefined;
  savedCopy: boolean;
  readCount: number;
  /** A section to continue from, kept from an earlier visit. */
  resumeAt: string | undefined;
  /** The reading language has no voice on this device (after Read the whole lesson aloud was pressed). */
  noVoice: string | undefined;
  onReadAll(): void;
  onBilingual(locale: string | null): void;
  onPrint(): void;
  onResume(): void;
}

/** The lesson's own languages first (those the family can read it in), then every UI language. */
function switchLocales(lesson: PublicLesson): SupportedLocale[] {
  const content = lesson.locales.map((l) => matchSupportedLocale(l)).filter((l): l is SupportedLocale => !!l);
  return [...new Set([...content, ...SUPPORTED_LOCALES])];
}

const ownName = (locale: string) => LOCALE_NAMES[locale as SupportedLocale] ?? localeDisplayName(locale);

function bilingualTools(options: HeaderOptions): TemplateResult | typeof nothing {
  const { lesson, locale, second } = options;
  const first = pick(lesson.title, locale, lesson.defaultLocale).locale;
  const others = lesson.locales.filter((l) => l !== first);
  if (others.length === 0) return nothing;
  const toggle = (e: Event) => options.onBilingual((e.target as HTMLInputElement).checked ? (others[0] ?? null) : null);
  const choose = (e: Event) => options.onBilingual((e.target as HTMLSelectElement).value);
  return html`<label class="toggle">
      <input type="checkbox" name="bilingual" .checked=${!!second} @change=${toggle} />
      <span>${msg('Two languages side by side', { id: 'lesson.bilingual' })}</span>
    </label>
    ${
      second
        ? html`<label class="picker">
            <span>${msg('Second language', { id: 'lesson.second-language' })}</span>
            <select name="second-language" @change=${choose}>
              ${others.map((l) => html`<option value=${l} lang=${l} ?selected=${l === second}>${ownName(l)}</option>`)}
            </select>
          </label>`
        : nothing
    }`;
}

export function renderHeader(options: HeaderOptions): TemplateResult {
  const { lesson, languages, locale } = options;
  const title = pick(lesson.title, locale, lesson.defaultLocale);
  const total = lesson.sections.length;
  return html`<header part="header" class="header">
    <div class="tools" part="tools">
      <tandem-language-switch .locales=${switchLocales(lesson)}></tandem-language-switch>
      ${bilingualTools(options)}
      <button type="button" class="button" part="print" @click=${options.onPrint}>${msg('Print', { id: 'lesson.print' })}</button>
    </div>
    <h2 class="title" id="lesson-title">${pairedText(languages, lesson.title, lesson.defaultLocale)}</h2>
    <div class="summary">${pairedText(languages, lesson.summary, lesson.defaultLocale, 'div')}</div>
    ${
      (['title', 'summary'] as const).some((key) =>
        showsMachineTranslation(lesson.machineTranslated, key, lesson[key], locale, lesson.defaultLocale),
      )
        ? renderMachineNote()
        : nothing
    }
    <dl class="facts" part="facts">
      <div>
        <dt>${msg('Grades', { id: 'lesson.fact.grades' })}</dt>
        <dd>${gradeBandLabel(lesson.gradeBand)}</dd>
      </div>
      <div>
        <dt>${msg('Subject', { id: 'lesson.fact.subject' })}</dt>
        <dd>${subjectLabel(lesson.subject)}</dd>
      </div>
      <div>
        <dt>${msg('Time', { id: 'lesson.fact.time' })}</dt>
        <dd>${minutesLabel(lesson.minutes)}</dd>
      </div>
    </dl>
    ${
      title.locale !== locale && title.locale !== locale.split('-')[0]
        ? html`<p class="note">
            ${msg(
              str`This lesson is not yet available in ${localeDisplayName(locale)}. It is shown in ${localeDisplayName(title.locale)}.`,
              {
                id: 'lesson.not-in-language',
              },
            )}
          </p>`
        : nothing
    }
    ${
      options.savedCopy
        ? html`<p class="note" part="saved-copy">
            ${msg('The school server cannot be reached, so this is the copy saved on this device. It may not be the newest version.', {
              id: 'lesson.saved-copy',
            })}
          </p>`
        : nothing
    }
    <div class="progress" part="progress">
      <progress max=${total} .value=${options.readCount} aria-hidden="true"></progress>
      <span>${msg(str`${options.readCount} of ${total} parts read`, { id: 'lesson.progress' })}</span>
      ${
        options.resumeAt
          ? html`<button type="button" class="button" part="resume-reading" @click=${options.onResume}>
              ${msg('Continue where you left off', { id: 'lesson.continue' })}
            </button>`
          : nothing
      }
    </div>
    <div class="listen" part="read-all-controls">
      <button type="button" class="button" part="read-all" @click=${options.onReadAll}>
        ${msg('Read the whole lesson aloud', { id: 'lesson.read-all' })}
      </button>
      ${options.noVoice ? html`<p class="no-voice" part="no-voice">${noVoiceMessage(localeDisplayName(options.noVoice))}</p>` : nothing}
    </div>
  </header>`;
}
