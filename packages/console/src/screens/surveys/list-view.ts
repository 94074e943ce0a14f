/** The organization's surveys: title, status, school, languages and last change, and "New survey". */
import { msg } from '@lit/localize';
import { pickText, type Survey } from '@tandem/protocol';
import { html, nothing, type TemplateResult } from 'lit';
import { draftFromSurvey, draftLocales } from './survey-draft.js';
import { ownName, statusLabel } from './surveys-messages.js';
import type { ConsoleSurveys } from './surveys-screen.js';

function languages(survey: Survey): TemplateResult[] {
  return draftLocales(draftFromSurvey(survey)).map((l, i) => html`${i > 0 ? ', ' : ''}<span lang=${l}>${ownName(l)}</span>`);
}

function updated(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function renderList(host: ConsoleSurveys): TemplateResult {
  const uiLocale = host.uiLocale;
  return html`<section aria-labelledby="list-heading">
    <div class="heading-row">
      <h1 id="list-heading" tabindex="-1">${msg('Surveys', { id: 'console.surveys.title' })}</h1>
      <button class="button button--primary" type="button" data-action="new" @click=${() => host.newSurvey()}>
        ${msg('New survey', { id: 'console.surveys.new' })}
      </button>
    </div>
    ${host.listError ? html`<p class="alert" role="alert">${host.listError}</p>` : nothing}
    ${
      host.surveys === undefined
        ? host.listError
          ? nothing
          : html`<p role="status">${msg('Loading surveys…', { id: 'console.surveys.loading' })}</p>`
        : host.surveys.length === 0
          ? html`<p>${msg('No surveys yet. Start one with "New survey".', { id: 'console.surveys.empty' })}</p>`
          : html`<div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${msg('Title', { id: 'console.surveys.column.title' })}</th>
                    <th scope="col">${msg('Status', { id: 'console.surveys.column.status' })}</th>
                    <th scope="col">${msg('School', { id: 'console.surveys.column.school' })}</th>
                    <th scope="col">${msg('Languages', { id: 'console.surveys.column.languages' })}</th>
                    <th scope="col">${msg('Updated', { id: 'console.surveys.column.updated' })}</th>
                    <th scope="col"><span class="visually-hidden">${msg('Results', { id: 'console.results.open' })}</span></th>
                  </tr>
                </thead>
                <tbody>
                  ${host.surveys.map((survey) => {
                    const title = pickText(survey.title, uiLocale, survey.defaultLocale);
                    return html`<tr>
                      <td>
                        <button
                          class="link"
                          type="button"
                          data-survey=${survey.id}
                          lang=${title.locale}
                          @click=${() => host.openSurvey(survey.id)}
                        >
                          ${title.text || msg('(untitled)', { id: 'console.surveys.untitled' })}
                        </button>
                      </td>
                      <td><span class="status status--${survey.status}">${statusLabel(survey.status)}</span></td>
                      <td>${host.schoolName(survey.schoolId)}</td>
                      <td>${languages(survey)}</td>
                      <td><time datetime=${survey.updatedAt}>${updated(survey.updatedAt, uiLocale)}</time></td>
                      <td>
                        ${
                          survey.status === 'draft'
                            ? nothing
                            : html`<button class="link" type="button" data-results=${survey.id} @click=${() => host.openResults(survey.id)}>
                                ${msg('Results', { id: 'console.results.open' })}<span class="visually-hidden">: ${title.text}</span>
                              </button>`
                        }
                      </td>
                    </tr>`;
                  })}
                </tbody>
              </table>
            </div>`
    }
  </section>`;
}
