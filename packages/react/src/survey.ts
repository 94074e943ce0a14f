/** <TandemSurvey>: React wrapper of <tandem-survey>. */
import * as React from 'react';
import { TandemSurvey as TandemSurveyElement, type TandemSubmittedEvent } from '@tandem/survey';
import '@tandem/survey/tandem-survey.js';
import { createComponent, type EventName, type ReactWebComponent } from './create-component.js';
import { errorEvent, type TandemWidgetProps } from './widget-props.js';

export interface TandemSurveyProps extends TandemWidgetProps {
  /** Id of the survey to show. */
  surveyId?: string;
  /** A second language to show under the family's own (e.g. `es`). */
  bilingual?: string;
  /** A host-signed family identity; without it the answers are anonymous. */
  identityToken?: string;
}

const events = {
  /** The answers reached the backend: `event.detail.responseId`, `event.detail.surveyId`. */
  onTandemSubmitted: 'tandem-submitted' as EventName<TandemSubmittedEvent>,
  ...errorEvent,
};

export const TandemSurvey: ReactWebComponent<TandemSurveyElement, TandemSurveyProps, typeof events> = createComponent({
  react: React,
  tagName: 'tandem-survey',
  elementClass: TandemSurveyElement,
  events,
  displayName: 'TandemSurvey',
});
