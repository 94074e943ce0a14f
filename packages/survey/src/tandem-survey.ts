/**
 * Defines <tandem-survey>; the package's only side effect. The shared UI elements it renders (language switch,
 * status) are defined by survey-ui.ts, which arrives with the content, after the first paint.
 */
import { TandemSurvey } from './survey.js';

TandemSurvey.define('tandem-survey');

declare global {
  interface HTMLElementTagNameMap {
    'tandem-survey': TandemSurvey;
  }
}
