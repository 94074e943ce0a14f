/** The lesson builder: settings, title and summary, sections (text, picture, recordings), steps, questions and the tip. */
import { msg, str } from '@lit/localize';
import { localeDisplayName } from '@tandem/core';
import { renderFieldError } from '@tandem/core/ui.js';
import { LESSON_GRADE_BANDS, LESSON_SUBJECTS } from '@tandem/protocol';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { newItem, newSection, type DraftItem, type DraftSection, type LessonDraft } from './lesson-draft.js';
import { dragHandle, dropTarget, idFor, moveButtons, renderText, renderUrl, secondOf } from './lesson-fields.js';
import { LIMITS, unsafeLinks } from './lesson-validation.js';
import { renderConfirm as renderConfirmBox, renderLeaveConfirm } from '../common/confirm-box.js';
import { contentStatusLabel } from '../common/content-words.js';
import { pickSecondLocale, renderLanguagePickers } from '../common/localized-field.js';
import { fieldErrorMessage, gradeBandLabel, placeOf, subjectLabel } from './lessons-messages.js';
import type { ConsoleLessons } from './lessons-screen.js';
import { renderCompletions, renderEmbed, renderPreview } from './preview-view.js';

function renderPicture(host: ConsoleLessons, draft: LessonDraft, section: DraftSection, at: string): TemplateResult {
  const checkId = `picture-${section.id}`;
  const dl = draft.defaultLocale;
  return html`<div class="picture">
    <label class="check">
      <input
        id=${checkId}
        type="checkbox"
        data-picture=${section.id}
        .checked=${live(section.hasImage)}
        @change=${(event: Event) => {
          section.hasImage = (event.target as HTMLInputElement).checked;
          if (section.hasImage) host.focusLater(`#${idFor(`${at}/image/url`, 'url')}`);
          host.changed();
        }}
      />
      ${msg('Add a picture', { id: 'console.lessons.picture.add' })}
    </label>
    ${
      section.hasImage
        ? html`${renderUrl(host, {
            pointer: `${at}/image/url`,
            label: msg('Picture web address', { id: 'console.lessons.picture.url' }),
            hint: msg('A picture already on the web (https://…). Families see it above the text.', {
              id: 'console.lessons.picture.urlHint',
            }),
            value: section.imageUrl,
            onInput: (value) => (section.imageUrl = value),
          })}
          ${renderText(host, {
            pointer: `${at}/image/alt`,
            key: `section:${section.id}:imageAlt`,
            text: section.imageAlt,
            label: msg('What the picture shows', { id: 'console.lessons.picture.alt' }),
            hint: msg('For families who cannot see it: describe it in a sentence.', { id: 'console.lessons.picture.altHint' }),
            missingHint: msg(str`Until this is written, families reading this language hear the description in ${localeDisplayName(dl)}.`, {
              id: 'console.lessons.picture.altMissing',
            }),
          })}`
        : nothing
    }
  </div>`;
}

function renderRecordings(host: ConsoleLessons, draft: LessonDraft, section: DraftSection, at: string): TemplateResult {
  const second = secondOf(host);
  const locales = second ? [draft.defaultLocale, second] : [draft.defaultLocale];
  return html`<div class="pair">
    ${locales.map((locale) =>
      renderUrl(host, {
        pointer: `${at}/audio/${locale}`,
        label: msg('Recording web address (optional)', { id: 'console.lessons.audio.url' }),
        lang: locale,
        value: section.audio[locale] ?? '',
        onInput: (value) => (section.audio[locale] = value),
      }),
    )}
  </div>`;
}

function renderSection(host: ConsoleLessons, draft: LessonDraft, section: DraftSection, s: number): TemplateResult {
  const at = `/sections/${s}`;
  const headingId = `sh-${section.id}`;
  const drop = dropTarget(host, draft.sections, s);
  return html`<li class="card section" data-section=${section.id} @dragover=${drop.over} @drop=${drop.drop}>
    <h3 id=${headingId}>${dragHandle(draft.sections, s)} ${msg(str`Section ${s + 1}`, { id: 'console.lessons.sectionNumber' })}</h3>
    ${renderText(host, {
      pointer: `${at}/heading`,
      key: `section:${section.id}:heading`,
      text: section.heading,
      label: msg('Heading (optional)', { id: 'console.lessons.sectionHeading' }),
    })}
    ${renderText(host, {
      pointer: `${at}/body`,
      key: `section:${section.id}:body`,
      text: section.body,
      label: msg('Text', { id: 'console.lessons.sectionBody' }),
      multiline: true,
      hint: msg('Blank line: new paragraph. "- " or "1. ": list. *slanted*, **bold**, [words](https://link).', {
        id: 'console.lessons.sectionBodyHint',
      }),
      notes: unsafeLinks(section.body).map((target) =>
        msg(str`Families will see only the words of the link to "${target}": links must start with https://, mailto: or tel:.`, {
          id: 'console.lessons.unsafeLink',
        }),
      ),
    })}
    ${renderPicture(host, draft, section, at)} ${renderRecordings(host, draft, section, at)}
    <div class="item-actions">
      ${moveButtons(host, draft.sections, s, headingId)}
      <button
        class="button button--small"
        type="button"
        aria-describedby=${headingId}
        ?disabled=${draft.sections.length <= 1}
        @click=${() => {
          draft.sections.splice(s, 1);
          host.announce(msg('Section removed.', { id: 'console.lessons.sectionRemoved' }));
          host.focusLater('[data-action="add-section"]');
          host.changed();
        }}
      >
        ${msg('Remove section', { id: 'console.lessons.removeSection' })}
      </button>
    </div>
  </li>`;
}

interface ItemListOptions {
  kind: 'steps' | 'questions';
  legend: string;
  itemLabel: (n: number) => string;
  add: string;
  added: (n: number) => string;
  removed: string;
  remove: string;
}

/** The activity's steps or the questions to talk about: a list of texts, each reorderable and removable. */
function renderItems(host: ConsoleLessons, list: DraftItem[], o: ItemListOptions): TemplateResult {
  return html`<fieldset>
    <legend>${o.legend}</legend>
    <ol class="items">
      ${repeat(
        list,
        (item) => item.id,
        (item, i) => {
          const headingId = `ih-${item.id}`;
          const drop = dropTarget(host, list, i);
          return html`<li class="item" data-item-card=${item.id} @dragover=${drop.over} @drop=${drop.drop}>
            <p class="item-heading" id=${headingId}>${dragHandle(list, i)} ${o.itemLabel(i + 1)}</p>
            ${renderText(host, { pointer: `/${o.kind}/${i}`, key: `${o.kind === 'steps' ? 'step' : 'question'}:${item.id}`, text: item.text, label: o.itemLabel(i + 1) })}
            <div class="item-actions">
              ${moveButtons(host, list, i, headingId)}
              <button
                class="button button--small"
                type="button"
                aria-describedby=${headingId}
                @click=${() => {
                  list.splice(i, 1);
                  host.announce(o.removed);
                  host.focusLater(`[data-add="${o.kind}"]`);
                  host.changed();
                }}
              >
                ${o.remove}
              </button>
            </div>
          </li>`;
        },
      )}
    </ol>
    <button
      class="button"
      type="button"
      data-add=${o.kind}
      ?disabled=${list.length >= LIMITS.itemsMax}
      @click=${() => {
        list.push(newItem());
        host.announce(o.added(list.length));
        host.focusLater(`#${idFor(`/${o.kind}/${list.length - 1}`, host.draft!.defaultLocale)}`);
        host.changed();
      }}
    >
      ${o.add}
    </button>
  </fieldset>`;
}

function renderErrorSummary(host: ConsoleLessons): TemplateResult | typeof nothing {
  if (host.errors.length === 0) return nothing;
  const count = host.errors.length;
  const language = localeDisplayName(host.draft!.defaultLocale);
  return html`<div id="error-summary" class="error-summary" role="alert" tabindex="-1">
    <h2>${msg(str`Fix ${count} things before saving:`, { id: 'console.lessons.errorSummary' })}</h2>
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
              >${placeOf(error.pointer)}: ${fieldErrorMessage(error, language)}</a
            >
          </li>`,
      )}
    </ul>
  </div>`;
}

function renderSchools(host: ConsoleLessons, draft: LessonDraft): TemplateResult {
  const error = host.errors.find((e) => e.pointer.startsWith('/schoolIds'));
  const schools = host.session?.schools ?? [];
  return html`<fieldset aria-describedby=${ifDefined(error ? 'schools-error' : undefined)}>
    <legend>${msg('Schools', { id: 'console.lessons.schools' })}</legend>
    <p class="hint">
      ${
        host.schoolRequired
          ? msg('Check the schools that offer the lesson: at least one.', { id: 'console.lessons.schoolsHintStaff' })
          : msg('Leave all unchecked to offer the lesson at every school.', { id: 'console.lessons.schoolsHint' })
      }
    </p>
    ${schools.map(
      (school, i) =>
        html`<label class="check">
          <input
            type="checkbox"
            data-pointer=${ifDefined(i === 0 ? '/schoolIds' : undefined)}
            .checked=${live(draft.schoolIds.includes(school.id))}
            @change=${(event: Event) => {
              const on = (event.target as HTMLInputElement).checked;
              draft.schoolIds = on ? [...draft.schoolIds, school.id] : draft.schoolIds.filter((id) => id !== school.id);
              host.changed();
            }}
          />
          ${school.name}
        </label>`,
    )}
    ${renderFieldError('schools-error', error ? fieldErrorMessage(error, '') : undefined)}
  </fieldset>`;
}

/** The main language and the one edited beside it, which decide the columns of every text below. */
function renderLanguages(host: ConsoleLessons, draft: LessonDraft): TemplateResult {
  return html`<div class="row">
    ${renderLanguagePickers({
      locales: host.locales,
      defaultLocale: draft.defaultLocale,
      secondLocale: host.secondLocale,
      onDefault: (locale) => {
        draft.defaultLocale = locale;
        host.secondLocale = pickSecondLocale(host.locales, locale, host.secondLocale);
        host.changed();
      },
      onSecond: (locale) => (host.secondLocale = locale),
    })}
  </div>`;
}

/** Grades, subject, time and schools: what families and staff filter lessons by. */
function renderFacts(host: ConsoleLessons, draft: LessonDraft): TemplateResult {
  const minutesError = host.errorFor('/minutes');
  return html`<div class="row">
      <div class="field">
        <label for="grade-band">${msg('Grades', { id: 'console.lessons.column.grades' })}</label>
        <select
          id="grade-band"
          @change=${(event: Event) => {
            draft.gradeBand = (event.target as HTMLSelectElement).value as LessonDraft['gradeBand'];
            host.changed();
          }}
        >
          ${LESSON_GRADE_BANDS.map((g) => html`<option value=${g} ?selected=${g === draft.gradeBand}>${gradeBandLabel(g)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="subject">${msg('Subject', { id: 'console.lessons.subject' })}</label>
        <select
          id="subject"
          @change=${(event: Event) => {
            draft.subject = (event.target as HTMLSelectElement).value as LessonDraft['subject'];
            host.changed();
          }}
        >
          ${LESSON_SUBJECTS.map((s) => html`<option value=${s} ?selected=${s === draft.subject}>${subjectLabel(s)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="minutes">${msg('Minutes it takes', { id: 'console.lessons.minutes' })}</label>
        <input
          id="minutes"
          type="text"
          inputmode="numeric"
          size="4"
          data-pointer="/minutes"
          .value=${live(draft.minutes)}
          aria-invalid=${minutesError ? 'true' : 'false'}
          aria-describedby=${ifDefined(minutesError ? 'minutes-error' : undefined)}
          @input=${(event: Event) => {
            draft.minutes = (event.target as HTMLInputElement).value;
            host.changed();
          }}
        />
        ${renderFieldError('minutes-error', minutesError)}
      </div>
    </div>
    ${renderSchools(host, draft)}`;
}

function renderConfirm(host: ConsoleLessons): TemplateResult | typeof nothing {
  const confirm = host.confirming;
  if (!confirm) return nothing;
  const publish = confirm === 'publish';
  return renderConfirmBox({
    title: publish
      ? msg('Publish this lesson?', { id: 'console.lessons.confirm.publishTitle' })
      : msg('Unpublish this lesson?', { id: 'console.lessons.confirm.unpublishTitle' }),
    text: publish
      ? msg('Your changes are saved first. Families who have the link or the embedded lesson can then read it.', {
          id: 'console.lessons.confirm.publishText',
        })
      : msg('Your changes are saved first. Families can no longer open it; what they said about it is kept.', {
          id: 'console.lessons.confirm.unpublishText',
        }),
    confirmLabel: publish
      ? msg('Yes, publish', { id: 'console.lessons.confirm.publish' })
      : msg('Yes, unpublish', { id: 'console.lessons.confirm.unpublish' }),
    cancelLabel: msg('Cancel', { id: 'console.lessons.confirm.cancel' }),
    onConfirm: () => void host.changeStatus(),
    onCancel: () => host.cancelStatus(),
  });
}

function renderActions(host: ConsoleLessons, draft: LessonDraft): TemplateResult {
  const published = draft.status === 'published';
  return html`<div class="actions" role="group" aria-label=${msg('Lesson actions', { id: 'console.lessons.actions' })}>
      <button class="button button--primary" type="button" data-action="save" ?disabled=${host.busy} @click=${() => host.save()}>
        ${published ? msg('Save changes', { id: 'console.lessons.saveChanges' }) : msg('Save draft', { id: 'console.lessons.save' })}
      </button>
      <button class="button" type="button" data-action="translate" ?disabled=${host.busy} @click=${() => host.translateMissing()}>
        ${msg('Translate missing languages', { id: 'console.lessons.translate' })}
      </button>
      ${
        published
          ? html`<button
              class="button"
              type="button"
              data-action="unpublish"
              ?disabled=${host.busy}
              @click=${() => host.askStatus('unpublish')}
            >
              ${msg('Unpublish', { id: 'console.lessons.unpublish' })}
            </button>`
          : html`<button
              class="button"
              type="button"
              data-action="publish"
              ?disabled=${host.busy}
              @click=${() => host.askStatus('publish')}
            >
              ${msg('Publish lesson', { id: 'console.lessons.publish' })}
            </button>`
      }
    </div>
    ${renderConfirm(host)}`;
}

export function renderBuilder(host: ConsoleLessons, draft: LessonDraft): TemplateResult {
  return html`<section aria-labelledby="builder-heading">
    <button class="link" type="button" data-action="back" @click=${() => host.backToList()}>
      ${msg('Back to lessons', { id: 'console.lessons.back' })}
    </button>
    ${host.leaving ? renderLeaveConfirm(host) : nothing}
    <div class="heading-row">
      <h1 id="builder-heading" tabindex="-1">
        ${draft.id ? msg('Edit lesson', { id: 'console.lessons.edit' }) : msg('New lesson', { id: 'console.lessons.new' })}
      </h1>
      <span class="status status--${draft.status}">${contentStatusLabel(draft.status)}</span>
    </div>
    ${renderErrorSummary(host)}
    ${host.formError ? html`<p id="form-error" class="alert" role="alert" tabindex="-1">${host.formError}</p>` : nothing}
    <p id="notice" class="notice" role="status" tabindex="-1" ?hidden=${!host.notice}>${host.notice}</p>
    ${renderLanguages(host, draft)}
    ${renderText(host, { pointer: '/title', key: 'title', text: draft.title, label: msg('Lesson title', { id: 'console.lessons.lessonTitle' }) })}
    ${renderText(host, {
      pointer: '/summary',
      key: 'summary',
      text: draft.summary,
      label: msg('Summary', { id: 'console.lessons.summary' }),
      multiline: true,
    })}
    ${renderFacts(host, draft)}
    <section class="sections" aria-labelledby="sections-heading">
      <h2 id="sections-heading">${msg('Sections', { id: 'console.lessons.sections' })}</h2>
      <ol class="sections">
        ${repeat(
          draft.sections,
          (section) => section.id,
          (section, s) => renderSection(host, draft, section, s),
        )}
      </ol>
      <button
        class="button"
        type="button"
        data-action="add-section"
        ?disabled=${draft.sections.length >= LIMITS.sectionsMax}
        @click=${() => {
          draft.sections.push(newSection());
          host.announce(msg(str`Section ${draft.sections.length} added.`, { id: 'console.lessons.sectionAdded' }));
          host.focusLater(`#${idFor(`/sections/${draft.sections.length - 1}/heading`, draft.defaultLocale)}`);
          host.changed();
        }}
      >
        ${msg('Add section', { id: 'console.lessons.addSection' })}
      </button>
    </section>
    ${renderItems(host, draft.steps, {
      kind: 'steps',
      legend: msg('The activity, step by step', { id: 'console.lessons.steps' }),
      itemLabel: (n) => msg(str`Step ${n}`, { id: 'console.lessons.stepNumber' }),
      add: msg('Add step', { id: 'console.lessons.addStep' }),
      added: (n) => msg(str`Step ${n} added.`, { id: 'console.lessons.stepAdded' }),
      removed: msg('Step removed.', { id: 'console.lessons.stepRemoved' }),
      remove: msg('Remove step', { id: 'console.lessons.removeStep' }),
    })}
    ${renderItems(host, draft.questions, {
      kind: 'questions',
      legend: msg('Questions to talk about together', { id: 'console.lessons.questions' }),
      itemLabel: (n) => msg(str`Question ${n}`, { id: 'console.lessons.questionNumber' }),
      add: msg('Add question', { id: 'console.lessons.addQuestion' }),
      added: (n) => msg(str`Question ${n} added.`, { id: 'console.lessons.questionAdded' }),
      removed: msg('Question removed.', { id: 'console.lessons.questionRemoved' }),
      remove: msg('Remove question', { id: 'console.lessons.removeQuestion' }),
    })}
    ${renderText(host, {
      pointer: '/tip',
      key: 'tip',
      text: draft.tip,
      label: msg('Tip to try at home', { id: 'console.lessons.tip' }),
      multiline: true,
    })}
    ${renderActions(host, draft)} ${renderPreview(host, draft)} ${renderCompletions(host, draft)} ${renderEmbed(host)}
  </section>`;
}
