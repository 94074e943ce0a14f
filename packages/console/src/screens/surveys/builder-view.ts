/** The survey builder: texts side by side in two languages, sections, questions and options that move by keyboard or drag. */
import { msg, str } from '@lit/localize';
import { localeDisplayName } from '@tandem/core';
import { renderFieldError } from '@tandem/core/ui.js';
import { QUESTION_TYPES, type FieldError, type LocalizedText, type QuestionType } from '@tandem/protocol';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { renderConfirm, renderLeaveConfirm } from '../common/confirm-box.js';
import { renderLanguagePickers, renderLocalizedField, reviewedMessage } from '../common/localized-field.js';
import { renderEmbed, renderPreview } from './preview-view.js';
import {
  changeType,
  isChoice,
  newOption,
  newQuestion,
  newSection,
  type DraftQuestion,
  type DraftSection,
  type SurveyDraft,
} from './survey-draft.js';
import { fieldErrorMessage, questionTypeLabel, statusLabel } from './surveys-messages.js';
import type { ConsoleSurveys } from './surveys-screen.js';
import { LIMITS } from './survey-validation.js';

const idFor = (pointer: string, locale: string) => `t${pointer.replace(/\//g, '_')}-${locale}`;

interface TextOptions {
  pointer: string;
  key: string;
  text: LocalizedText;
  label: string;
  multiline?: boolean;
}

/** One text in the default language and, beside it, the second language with its machine-translation mark. */
function renderText(host: ConsoleSurveys, o: TextOptions): TemplateResult {
  const draft = host.draft!;
  return renderLocalizedField({
    idBase: `t${o.pointer.replace(/\//g, '_')}`,
    label: o.label,
    text: o.text,
    defaultLocale: draft.defaultLocale,
    secondLocale: host.secondLocale,
    ...(o.multiline ? { multiline: true, rows: 2 } : {}),
    error: host.errorFor(o.pointer),
    pointer: o.pointer,
    machine: { marks: draft.machineTranslated, key: o.key },
    onInput: () => host.changed(),
    onReviewed: (controlId) => {
      host.announce(reviewedMessage());
      host.focusLater(`#${controlId}`);
    },
  });
}

// --- drag and drop: the keyboard buttons are the must; dragging is a shortcut for pointer users ---
let dragging: { list: unknown[]; index: number } | undefined;

function dragHandle(list: unknown[], index: number): TemplateResult {
  return html`<span
    class="drag-handle"
    aria-hidden="true"
    draggable="true"
    title=${msg('Drag to reorder', { id: 'console.surveys.drag' })}
    @dragstart=${(event: DragEvent) => {
      dragging = { list, index };
      event.dataTransfer?.setData('text/plain', String(index));
      if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
    }}
    @dragend=${() => (dragging = undefined)}
    >⠿</span
  >`;
}

function dropTarget(host: ConsoleSurveys, list: { id: string }[], index: number) {
  return {
    over: (event: DragEvent) => {
      if (dragging?.list === list) event.preventDefault();
    },
    drop: (event: DragEvent) => {
      if (dragging?.list !== list) return;
      event.preventDefault();
      event.stopPropagation();
      const from = dragging.index;
      dragging = undefined;
      if (from !== index) host.move(list, from, index - from);
    },
  };
}

function moveButtons(host: ConsoleSurveys, list: { id: string }[], index: number, describedBy: string): TemplateResult {
  const id = list[index]!.id;
  return html`<button
      class="button button--small"
      type="button"
      data-move="up"
      data-item=${id}
      aria-describedby=${describedBy}
      ?disabled=${index === 0}
      @click=${() => host.move(list, index, -1)}
    >
      ${msg('Move up', { id: 'console.surveys.moveUp' })}</button
    ><button
      class="button button--small"
      type="button"
      data-move="down"
      data-item=${id}
      aria-describedby=${describedBy}
      ?disabled=${index === list.length - 1}
      @click=${() => host.move(list, index, 1)}
    >
      ${msg('Move down', { id: 'console.surveys.moveDown' })}
    </button>`;
}

function renderOptions(host: ConsoleSurveys, question: DraftQuestion, at: string): TemplateResult {
  const error = host.errorFor(`${at}/options`);
  const errorId = `${idFor(`${at}/options`, 'x')}-error`;
  return html`<fieldset class="options" aria-describedby=${ifDefined(error ? errorId : undefined)}>
    <legend>${msg('Options', { id: 'console.surveys.options' })}</legend>
    <ol>
      ${repeat(
        question.options,
        (o) => o.id,
        (option, o) => {
          const headingId = `oh-${option.id}`;
          const drop = dropTarget(host, question.options, o);
          return html`<li class="option" @dragover=${drop.over} @drop=${drop.drop}>
            <p class="item-heading" id=${headingId}>
              ${dragHandle(question.options, o)} ${msg(str`Option ${o + 1}`, { id: 'console.surveys.optionNumber' })}
            </p>
            ${renderText(host, {
              pointer: `${at}/options/${o}/label`,
              key: `option:${question.id}:${option.id}`,
              text: option.label,
              label: msg('Option text', { id: 'console.surveys.optionText' }),
            })}
            <div class="item-actions">
              ${moveButtons(host, question.options, o, headingId)}
              <button
                class="button button--small"
                type="button"
                aria-describedby=${headingId}
                ?disabled=${question.options.length <= LIMITS.optionsMin}
                @click=${() => {
                  question.options.splice(o, 1);
                  host.announce(msg('Option removed.', { id: 'console.surveys.optionRemoved' }));
                  host.focusLater(`[data-add-option="${question.id}"]`);
                  host.changed();
                }}
              >
                ${msg('Remove option', { id: 'console.surveys.removeOption' })}
              </button>
            </div>
          </li>`;
        },
      )}
    </ol>
    ${renderFieldError(errorId, error)}
    <button
      class="button"
      type="button"
      data-add-option=${question.id}
      data-pointer=${`${at}/options`}
      ?disabled=${question.options.length >= LIMITS.optionsMax}
      @click=${() => {
        question.options.push(newOption());
        host.announce(msg(str`Option ${question.options.length} added.`, { id: 'console.surveys.optionAdded' }));
        host.focusLater(`#${idFor(`${at}/options/${question.options.length - 1}/label`, host.draft!.defaultLocale)}`);
        host.changed();
      }}
    >
      ${msg('Add option', { id: 'console.surveys.addOption' })}
    </button>
  </fieldset>`;
}

function renderQuestion(host: ConsoleSurveys, section: DraftSection, s: number, question: DraftQuestion, q: number): TemplateResult {
  const at = `/sections/${s}/questions/${q}`;
  const headingId = `qh-${question.id}`;
  const typeId = `type-${question.id}`;
  const drop = dropTarget(host, section.questions, q);
  const answered = host.draft!.responseCount > 0;
  return html`<li class="card question" data-question-card=${question.id} @dragover=${drop.over} @drop=${drop.drop}>
    <h3 id=${headingId}>${dragHandle(section.questions, q)} ${msg(str`Question ${q + 1}`, { id: 'console.surveys.questionNumber' })}</h3>
    <div class="row">
      <div class="field">
        <label for=${typeId}>${msg('Question type', { id: 'console.surveys.questionType' })}</label>
        <select
          id=${typeId}
          data-pointer=${`${at}/type`}
          .value=${live(question.type)}
          @change=${(event: Event) => {
            changeType(question, (event.target as HTMLSelectElement).value as QuestionType);
            host.changed();
          }}
        >
          ${QUESTION_TYPES.map((t) => html`<option value=${t} ?selected=${t === question.type}>${questionTypeLabel(t)}</option>`)}
        </select>
      </div>
      <label class="check">
        <input
          type="checkbox"
          .checked=${live(question.required)}
          @change=${(event: Event) => {
            question.required = (event.target as HTMLInputElement).checked;
            host.changed();
          }}
        />
        ${msg('Answer required', { id: 'console.surveys.required' })}
      </label>
    </div>
    ${
      answered
        ? html`<p class="hint">${msg('This survey has answers: keep the question type.', { id: 'console.surveys.answeredHint' })}</p>`
        : nothing
    }
    ${renderText(host, {
      pointer: `${at}/prompt`,
      key: `question:${question.id}:prompt`,
      text: question.prompt,
      label: msg('Question', { id: 'console.surveys.prompt' }),
    })}
    ${renderText(host, {
      pointer: `${at}/help`,
      key: `question:${question.id}:help`,
      text: question.help,
      label: msg('Help text (optional)', { id: 'console.surveys.help' }),
    })}
    ${question.type === 'rating' ? renderRating(host, question, at) : nothing}
    ${isChoice(question.type) ? renderOptions(host, question, at) : nothing}
    <div class="item-actions">
      ${moveButtons(host, section.questions, q, headingId)}
      <button
        class="button button--small"
        type="button"
        aria-describedby=${headingId}
        ?disabled=${section.questions.length <= 1}
        @click=${() => {
          section.questions.splice(q, 1);
          host.announce(msg('Question removed.', { id: 'console.surveys.questionRemoved' }));
          host.focusLater(`[data-add-question="${section.id}"]`);
          host.changed();
        }}
      >
        ${msg('Remove question', { id: 'console.surveys.removeQuestion' })}
      </button>
    </div>
  </li>`;
}

function renderRating(host: ConsoleSurveys, question: DraftQuestion, at: string): TemplateResult {
  const scaleId = `scale-${question.id}`;
  return html`<div class="field">
      <label for=${scaleId}>${msg('Scale', { id: 'console.surveys.scale' })}</label>
      <select
        id=${scaleId}
        @change=${(event: Event) => {
          question.scale = Number((event.target as HTMLSelectElement).value) as 5 | 10;
          host.changed();
        }}
      >
        <option value="5" ?selected=${question.scale === 5}>1–5</option>
        <option value="10" ?selected=${question.scale === 10}>1–10</option>
      </select>
    </div>
    ${renderText(host, {
      pointer: `${at}/lowLabel`,
      key: `question:${question.id}:lowLabel`,
      text: question.lowLabel,
      label: msg('Label for the lowest rating (optional)', { id: 'console.surveys.lowLabel' }),
    })}
    ${renderText(host, {
      pointer: `${at}/highLabel`,
      key: `question:${question.id}:highLabel`,
      text: question.highLabel,
      label: msg('Label for the highest rating (optional)', { id: 'console.surveys.highLabel' }),
    })}`;
}

function renderSection(host: ConsoleSurveys, draft: SurveyDraft, section: DraftSection, s: number): TemplateResult {
  const at = `/sections/${s}`;
  const headingId = `sh-${section.id}`;
  const drop = dropTarget(host, draft.sections, s);
  return html`<section class="card section" aria-labelledby=${headingId} @dragover=${drop.over} @drop=${drop.drop}>
    <h2 id=${headingId}>${dragHandle(draft.sections, s)} ${msg(str`Page ${s + 1}`, { id: 'console.surveys.sectionNumber' })}</h2>
    ${renderText(host, {
      pointer: `${at}/title`,
      key: `section:${section.id}:title`,
      text: section.title,
      label: msg('Page title (optional)', { id: 'console.surveys.sectionTitle' }),
    })}
    ${renderText(host, {
      pointer: `${at}/description`,
      key: `section:${section.id}:description`,
      text: section.description,
      label: msg('Page introduction (optional)', { id: 'console.surveys.sectionDescription' }),
      multiline: true,
    })}
    <ol class="questions">
      ${repeat(
        section.questions,
        (question) => question.id,
        (question, q) => renderQuestion(host, section, s, question, q),
      )}
    </ol>
    <div class="item-actions">
      <button
        class="button"
        type="button"
        data-add-question=${section.id}
        ?disabled=${section.questions.length >= LIMITS.questionsMax}
        @click=${() => {
          section.questions.push(newQuestion());
          const q = section.questions.length - 1;
          host.announce(msg(str`Question ${q + 1} added.`, { id: 'console.surveys.questionAdded' }));
          host.focusLater(`#type-${section.questions[q]!.id}`);
          host.changed();
        }}
      >
        ${msg('Add question', { id: 'console.surveys.addQuestion' })}
      </button>
      ${moveButtons(host, draft.sections, s, headingId)}
      <button
        class="button button--small"
        type="button"
        aria-describedby=${headingId}
        ?disabled=${draft.sections.length <= 1}
        @click=${() => {
          draft.sections.splice(s, 1);
          host.announce(msg('Page removed.', { id: 'console.surveys.sectionRemoved' }));
          host.focusLater('[data-action="add-section"]');
          host.changed();
        }}
      >
        ${msg('Remove page', { id: 'console.surveys.removeSection' })}
      </button>
    </div>
  </section>`;
}

/** Where an error is, in words: "Page 1, question 2". */
function placeOf(error: FieldError): string {
  const match = /^\/sections\/(\d+)(?:\/questions\/(\d+))?(?:\/options\/(\d+))?/.exec(error.pointer);
  if (error.pointer === '/schoolId') return msg('School', { id: 'console.surveys.school' });
  if (!match) return msg('Survey title', { id: 'console.surveys.surveyTitle' });
  const page = Number(match[1]) + 1;
  if (match[2] === undefined) return msg(str`Page ${page}`, { id: 'console.surveys.sectionNumber' });
  const question = Number(match[2]) + 1;
  if (match[3] === undefined) return msg(str`Page ${page}, question ${question}`, { id: 'console.surveys.place.question' });
  const option = Number(match[3]) + 1;
  return msg(str`Page ${page}, question ${question}, option ${option}`, { id: 'console.surveys.place.option' });
}

function renderErrorSummary(host: ConsoleSurveys): TemplateResult | typeof nothing {
  if (host.errors.length === 0) return nothing;
  const count = host.errors.length;
  return html`<div id="error-summary" class="error-summary" role="alert" tabindex="-1">
    <h2>${msg(str`Fix ${count} things before saving:`, { id: 'console.surveys.errorSummary' })}</h2>
    <ul>
      ${host.errors.map(
        (error) =>
          html`<li>
            <a
              href=${`#${error.pointer}`}
              @click=${(event: Event) => {
                event.preventDefault();
                host.focusField(error.pointer);
              }}
              >${placeOf(error)}: ${fieldErrorMessage(error, localeDisplayName(host.draft!.defaultLocale))}</a
            >
          </li>`,
      )}
    </ul>
  </div>`;
}

function renderSettings(host: ConsoleSurveys, draft: SurveyDraft): TemplateResult {
  const schoolError = host.errorFor('/schoolId');
  return html`<div class="row settings">
    <div class="field">
      <label for="school">${msg('School', { id: 'console.surveys.school' })}</label>
      <select
        id="school"
        data-pointer="/schoolId"
        aria-invalid=${schoolError ? 'true' : 'false'}
        aria-describedby=${ifDefined(schoolError ? 'school-error' : undefined)}
        @change=${(event: Event) => {
          draft.schoolId = (event.target as HTMLSelectElement).value;
          host.changed();
        }}
      >
        ${(host.session?.schools ?? []).map((school) => html`<option value=${school.id} ?selected=${school.id === draft.schoolId}>${school.name}</option>`)}
      </select>
      ${renderFieldError('school-error', schoolError)}
    </div>
    ${renderLanguagePickers({
      locales: host.locales,
      defaultLocale: draft.defaultLocale,
      secondLocale: host.secondLocale,
      onDefault: (locale) => {
        draft.defaultLocale = locale;
        if (host.secondLocale === draft.defaultLocale) host.secondLocale = '';
        host.changed();
      },
      onSecond: (locale) => (host.secondLocale = locale),
    })}
  </div>`;
}

function renderStatusActions(host: ConsoleSurveys, draft: SurveyDraft): TemplateResult {
  const confirm = host.confirming;
  return html`<div class="actions" role="group" aria-label=${msg('Survey actions', { id: 'console.surveys.actions' })}>
      <button class="button button--primary" type="button" data-action="save" ?disabled=${host.busy} @click=${() => host.save()}>
        ${msg('Save draft', { id: 'console.surveys.save' })}
      </button>
      <button class="button" type="button" data-action="translate" ?disabled=${host.busy} @click=${() => host.translateMissing()}>
        ${msg('Translate missing languages', { id: 'console.surveys.translate' })}
      </button>
      ${
        draft.status === 'published'
          ? html`<button class="button" type="button" data-action="close" ?disabled=${host.busy} @click=${() => host.askStatus('close')}>
                ${msg('Close survey', { id: 'console.surveys.close' })}
              </button>
              <button
                class="button"
                type="button"
                data-action="unpublish"
                ?disabled=${host.busy}
                @click=${() => host.askStatus('unpublish')}
              >
                ${msg('Unpublish', { id: 'console.surveys.unpublish' })}
              </button>`
          : html`<button
              class="button"
              type="button"
              data-action="publish"
              ?disabled=${host.busy}
              @click=${() => host.askStatus('publish')}
            >
              ${
                draft.status === 'closed'
                  ? msg('Reopen survey', { id: 'console.surveys.reopen' })
                  : msg('Publish survey', { id: 'console.surveys.publish' })
              }
            </button>`
      }
      ${
        // An unpublished survey keeps its answers, so its results stay one click away.
        draft.id && (draft.status !== 'draft' || draft.responseCount > 0)
          ? html`<button class="button" type="button" data-action="results" @click=${() => host.openResults(draft.id!)}>
              ${msg('Results', { id: 'console.results.open' })}
            </button>`
          : nothing
      }
    </div>
    ${
      confirm === 'publish'
        ? renderConfirm({
            title: msg('Publish this survey?', { id: 'console.surveys.confirm.publishTitle' }),
            text: msg('Your changes are saved first. Families who have the link or the embedded survey can then answer it.', {
              id: 'console.surveys.confirm.publishText',
            }),
            confirmLabel: msg('Yes, publish', { id: 'console.surveys.confirm.publish' }),
            cancelLabel: msg('Cancel', { id: 'console.surveys.confirm.cancel' }),
            onConfirm: () => void host.changeStatus(),
            onCancel: () => host.cancelStatus(),
          })
        : confirm === 'close'
          ? renderConfirm({
              title: msg('Close this survey?', { id: 'console.surveys.confirm.closeTitle' }),
              text: msg('Families can no longer answer it. Answers already given are kept.', { id: 'console.surveys.confirm.closeText' }),
              confirmLabel: msg('Yes, close', { id: 'console.surveys.confirm.close' }),
              cancelLabel: msg('Cancel', { id: 'console.surveys.confirm.cancel' }),
              onConfirm: () => void host.changeStatus(),
              onCancel: () => host.cancelStatus(),
            })
          : confirm === 'unpublish'
            ? renderConfirm({
                title: msg('Unpublish this survey?', { id: 'console.surveys.confirm.unpublishTitle' }),
                text: msg(
                  'It goes back to draft: families see that it is not available until you publish it again. Answers already given are kept.',
                  { id: 'console.surveys.confirm.unpublishText' },
                ),
                confirmLabel: msg('Yes, unpublish', { id: 'console.surveys.confirm.unpublish' }),
                cancelLabel: msg('Cancel', { id: 'console.surveys.confirm.cancel' }),
                onConfirm: () => void host.changeStatus(),
                onCancel: () => host.cancelStatus(),
              })
            : nothing
    }`;
}

export function renderBuilder(host: ConsoleSurveys, draft: SurveyDraft): TemplateResult {
  return html`<section aria-labelledby="builder-heading">
    <button class="link" type="button" data-action="back" @click=${() => host.backToList()}>
      ${msg('Back to surveys', { id: 'console.surveys.back' })}
    </button>
    ${host.leaving ? renderLeaveConfirm(host) : nothing}
    <div class="heading-row">
      <h1 id="builder-heading" tabindex="-1">
        ${draft.id ? msg('Edit survey', { id: 'console.surveys.edit' }) : msg('New survey', { id: 'console.surveys.new' })}
      </h1>
      <span class="status status--${draft.status}">${statusLabel(draft.status)}</span>
    </div>
    ${renderErrorSummary(host)}
    ${host.formError ? html`<p id="form-error" class="alert" role="alert" tabindex="-1">${host.formError}</p>` : nothing}
    <p id="notice" class="notice" role="status" tabindex="-1" ?hidden=${!host.notice}>${host.notice}</p>
    ${renderSettings(host, draft)}
    ${renderText(host, { pointer: '/title', key: 'title', text: draft.title, label: msg('Survey title', { id: 'console.surveys.surveyTitle' }) })}
    ${renderText(host, {
      pointer: '/description',
      key: 'description',
      text: draft.description,
      label: msg('Introduction (optional)', { id: 'console.surveys.description' }),
      multiline: true,
    })}
    ${repeat(
      draft.sections,
      (section) => section.id,
      (section, s) => renderSection(host, draft, section, s),
    )}
    <button
      class="button"
      type="button"
      data-action="add-section"
      ?disabled=${draft.sections.length >= LIMITS.sectionsMax}
      @click=${() => {
        draft.sections.push(newSection());
        host.announce(msg(str`Page ${draft.sections.length} added.`, { id: 'console.surveys.sectionAdded' }));
        host.focusLater(`#${idFor(`/sections/${draft.sections.length - 1}/title`, draft.defaultLocale)}`);
        host.changed();
      }}
    >
      ${msg('Add page', { id: 'console.surveys.addSection' })}
    </button>
    ${renderStatusActions(host, draft)} ${renderPreview(host, draft)} ${renderEmbed(host)}
  </section>`;
}
