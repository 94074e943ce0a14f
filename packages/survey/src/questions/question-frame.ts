/** The parts every question shares: prompt with its required marker, help, fallback note and error. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { renderFieldError } from '@tandem/core/ui.js';
import { fallsBack, languageName, localized } from '../localized-text.js';
import { fieldIds, type QuestionView } from './question-view.js';

/** The marker after a required question's prompt; the note above the questions quotes it (see requiredNote). */
export function requiredLabel(): string {
  return msg('(required)', { id: 'survey.required' });
}

function requiredMarker(required: boolean) {
  return required ? html` <span class="required">${requiredLabel()}</span>` : nothing;
}

/** The ids that describe the field, in reading order: error first so it is heard before the help. */
export function describedBy(view: QuestionView, extra: (string | false | undefined)[] = []): string {
  const ids = fieldIds(view.question.id);
  return [
    view.error ? ids.error : undefined,
    view.question.help ? ids.help : undefined,
    fallbackLocale(view) ? ids.note : undefined,
    ...extra,
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * The fallback language shown in this question, and whether only a part of it is in that language:
 * "This question is in English" only when nothing of it (prompt, help, options, labels) is in the family's.
 */
function fallbackOf(view: QuestionView): { locale: string; partial: boolean } | undefined {
  if (!view.markFallback) return undefined;
  const q = view.question;
  const parts = [
    q.help,
    ...('options' in q ? q.options.map((o) => o.label) : []),
    ...(q.type === 'rating' ? [q.lowLabel, q.highLabel] : []),
  ].filter((part) => part !== undefined);
  const prompt = fallsBack(q.prompt, view.text);
  const partFallbacks = parts.map((part) => fallsBack(part, view.text));
  if (prompt) return { locale: prompt, partial: partFallbacks.some((locale) => locale === undefined) };
  const locale = partFallbacks.find((l) => l !== undefined);
  return locale ? { locale, partial: true } : undefined;
}

function fallbackLocale(view: QuestionView): string | undefined {
  return fallbackOf(view)?.locale;
}

function details(view: QuestionView): TemplateResult {
  const ids = fieldIds(view.question.id);
  const fallback = fallbackOf(view);
  const language = fallback ? languageName(fallback.locale) : '';
  return html`${
    fallback
      ? html`<p class="fallback-note" id=${ids.note}>
          ${
            fallback.partial
              ? msg(str`Part of this question is in ${language}.`, { id: 'survey.fallback-note-partial' })
              : msg(str`This question is in ${language}.`, { id: 'survey.fallback-note' })
          }
        </p>`
      : view.machineTranslated
        ? html`<p class="fallback-note">${msg('Machine translated', { id: 'survey.machine-translated' })}</p>`
        : nothing
  }
  ${view.question.help ? html`<p class="help" id=${ids.help}>${localized(view.question.help, view.text)}</p>` : nothing}`;
}

function error(view: QuestionView) {
  return view.error ? renderFieldError(fieldIds(view.question.id).error, view.error) : nothing;
}

/** A question answered with a group of radios or checkboxes. */
export function groupFrame(view: QuestionView, controls: TemplateResult, extra: { hint?: TemplateResult; hintId?: string } = {}) {
  const ids = fieldIds(view.question.id);
  return html`<fieldset
    part="question"
    class="question ${view.error ? 'question--invalid' : ''}"
    id=${ids.field}
    data-question=${view.question.id}
    aria-describedby=${describedBy(view, [extra.hintId]) || nothing}
  >
    <legend class="prompt" id=${ids.prompt}>
      ${localized(view.question.prompt, view.text, requiredMarker(view.question.required === true))}
    </legend>
    ${details(view)} ${extra.hint ?? nothing} ${controls} ${error(view)}
  </fieldset>`;
}

/** A question answered by typing, with a real label. */
export function textFrame(view: QuestionView, control: TemplateResult, after: TemplateResult | typeof nothing = nothing) {
  const ids = fieldIds(view.question.id);
  return html`<div part="question" class="question ${view.error ? 'question--invalid' : ''}" data-question=${view.question.id}>
    <label class="prompt" id=${ids.prompt} for=${ids.field}
      >${localized(view.question.prompt, view.text, requiredMarker(view.question.required === true))}</label
    >
    ${details(view)} ${control} ${after} ${error(view)}
  </div>`;
}
