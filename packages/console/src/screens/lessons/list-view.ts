/** The organization's lessons (common's content list): title, status, grades, languages, families who tried it, last change. */
import { msg } from '@lit/localize';
import { pickText, type Lesson } from '@tandem/protocol';
import { html, type TemplateResult } from 'lit';
import { renderContentList, renderLanguageNames, renderStatus, renderUpdated } from '../common/content-list.js';
import { contentStatusLabel } from '../common/content-words.js';
import { gradeBandLabel } from './lessons-messages.js';
import type { ConsoleLessons } from './lessons-screen.js';

export function renderList(host: ConsoleLessons): TemplateResult {
  const uiLocale = host.uiLocale;
  const count = new Intl.NumberFormat(uiLocale);
  return renderContentList<Lesson>({
    headingId: 'list-heading',
    heading: msg('Lessons', { id: 'console.lessons.title' }),
    create: { label: msg('New lesson', { id: 'console.lessons.new' }), onClick: () => host.newLesson() },
    items: host.lessons,
    ...(host.listError ? { error: host.listError } : {}),
    loadingText: msg('Loading lessons…', { id: 'console.lessons.loading' }),
    emptyText: msg('No lessons yet. Start one with "New lesson".', { id: 'console.lessons.empty' }),
    itemHeader: msg('Title', { id: 'console.lessons.column.title' }),
    itemCell: (lesson) => {
      const title = pickText(lesson.title, uiLocale, lesson.defaultLocale);
      return html`<button
        class="link"
        type="button"
        data-lesson=${lesson.id}
        lang=${title.locale}
        @click=${() => host.openLesson(lesson.id)}
      >
        ${title.text || msg('(untitled)', { id: 'console.lessons.untitled' })}
      </button>`;
    },
    keyOf: (lesson) => lesson.id,
    columns: [
      { header: msg('Status', { id: 'console.lessons.column.status' }), cell: (l) => renderStatus(l.status, contentStatusLabel(l.status)) },
      { header: msg('Grades', { id: 'console.lessons.column.grades' }), cell: (l) => gradeBandLabel(l.gradeBand) },
      { header: msg('Languages', { id: 'console.lessons.column.languages' }), cell: (l) => renderLanguageNames(l.locales) },
      {
        header: msg('Families who tried it', { id: 'console.lessons.column.completions' }),
        cell: (l) => html`<span data-completions>${count.format(l.completions)}</span>`,
      },
      { header: msg('Updated', { id: 'console.lessons.column.updated' }), cell: (l) => renderUpdated(l.updatedAt, uiLocale) },
    ],
  });
}
