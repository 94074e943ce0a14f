/** @tandem/survey: the family feedback survey widget. Import `@tandem/survey/tandem-survey.js` to define the tag. */
export { TandemSurvey } from './survey.js';
export type { SurveyPhase } from './survey-phase.js';
export { TandemSubmittedEvent, TandemSurveyErrorEvent, type SurveySubmittedDetail } from './survey.events.js';
export { surveyStyles } from './survey-form.styles.js';
