/** Defines <tandem-survey> and the shared UI elements it renders; the package's only side effect. */
import { defineTandemUi } from '@tandem/core/ui.js';
import { TandemSurvey } from './survey.js';

defineTandemUi();
TandemSurvey.define('tandem-survey');

declare global {
  interface HTMLElementTagNameMap {
    'tandem-survey': TandemSurvey;
  }
}
