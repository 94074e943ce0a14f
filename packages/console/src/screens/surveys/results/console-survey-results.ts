/** Defines <console-survey-results>, one survey's results (opened from the survey list or the builder). */
import { ConsoleSurveyResults } from './results-screen.js';

export { ConsoleSurveyResults };
ConsoleSurveyResults.define('console-survey-results');

declare global {
  interface HTMLElementTagNameMap {
    'console-survey-results': ConsoleSurveyResults;
  }
}
