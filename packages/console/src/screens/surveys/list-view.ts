/** The organization's surveys: title, status, school, languages and last change, and "New survey". */
import { msg } from '@lit/localize';
import { pickText, type Survey } from '@tandem/protocol';
import { html, nothing, type TemplateResult } from 'lit';
import { renderContentList, renderLanguageNames, renderStatus, renderUpdated } from '../common/content-list.js';
import { draftFromSurvey, draftLocales } from './survey-draft.js';
import { statusLabel } from './surveys-messages.js';
import type { ConsoleSurveys } from './surveys-screen.js';

export function renderList(host: ConsoleSurveys): TemplateResult {
  const uiLocale = host.uiLocale;
  const titleOf = (survey: Survey) => pickText(survey.title, uiLocale, survey.defaultLocale);
  return renderContentList<Survey>({
    headingId: 'list-heading',
    heading: msg('Surveys', { id: 'console.surveys.title' }),
    create: { label: msg('New survey', { id: 'console.surveys.new' }), onClick: () => host.newSurvey() },
    items: host.surveys,
    error: host.listError,
    loadingText: msg('Loading surveys…', { id: 'console.surveys.loading' }),
    emptyText: msg('No surveys yet. Start one with "New survey".', { id: 'console.surveys.empty' }),
    keyOf: (survey) => survey.id,
    itemHeader: msg('Title', { id: 'console.surveys.column.title' }),
    itemCell: (survey) => {
      const title = titleOf(survey);
      return html`<button
        class="link"
        type="button"
        data-survey=${survey.id}
        lang=${title.locale}
        @click=${() => host.openSurvey(survey.id)}
      >
        ${title.text || msg('(untitled)', { id: 'console.surveys.untitled' })}
      </button>`;
    },
    columns: [
      { header: msg('Status', { id: 'console.surveys.column.status' }), cell: (s) => renderStatus(s.status, statusLabel(s.status)) },
      { header: msg('School', { id: 'console.surveys.column.school' }), cell: (s) => host.schoolName(s.schoolId) },
      {
        header: msg('Languages', { id: 'console.surveys.column.languages' }),
        cell: (s) => renderLanguageNames(draftLocales(draftFromSurvey(s))),
      },
      { header: msg('Updated', { id: 'console.surveys.column.updated' }), cell: (s) => renderUpdated(s.updatedAt, uiLocale) },
      {
        header: msg('Results', { id: 'console.results.open' }),
        hiddenHeader: true,
        cell: (survey) =>
          survey.status === 'draft' && survey.responseCount === 0
            ? nothing
            : html`<button class="link" type="button" data-results=${survey.id} @click=${() => host.openResults(survey.id)}>
                ${msg('Results', { id: 'console.results.open' })}<span class="visually-hidden">: ${titleOf(survey).text}</span>
              </button>`,
      },
    ],
  });
}
