/** The preview (the real <tandem-survey> over an in-memory copy of the draft) and the embed snippets. */
import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import { renderEmbed as renderEmbedCard } from '../common/embed-snippets.js';
import { renderPreviewPanel } from '../common/preview-panel.js';
import { draftLocales, type SurveyDraft } from './survey-draft.js';
import type { ConsoleSurveys } from './surveys-screen.js';

export function renderPreview(host: ConsoleSurveys, draft: SurveyDraft): TemplateResult {
  const preview = host.preview;
  return renderPreviewPanel({
    locales: host.locales,
    withText: draftLocales(draft),
    chosen: preview?.locale ?? draft.defaultLocale,
    hint: msg('This is what families see. Answers given here are not saved.', { id: 'console.surveys.preview.hint' }),
    shown: preview
      ? {
          locale: preview.locale,
          widget: html`<tandem-survey
            .backend=${preview.backend}
            survey=${preview.surveyId}
            lang=${preview.locale}
            fixed-lang
          ></tandem-survey>`,
        }
      : undefined,
    onShow: (locale) => void host.showPreview(locale),
  });
}

export function renderEmbed(host: ConsoleSurveys): TemplateResult {
  return renderEmbedCard({
    snippets: host.embedSnippets(),
    saveFirstText: msg('Save the survey to get the code for your website.', { id: 'console.surveys.embed.saveFirst' }),
    copyNotice: host.copyNotice,
    onCopy: (code, fieldId) => void host.copy(code, fieldId),
  });
}
