/** <TandemLessonViewer>: React wrapper of <tandem-lesson-viewer>. */
import * as React from 'react';
import { TandemLessonViewer as TandemLessonViewerElement, type TandemLessonCompletedEvent } from '@tandem/lesson-viewer';
import '@tandem/lesson-viewer/tandem-lesson-viewer.js';
import { createComponent, type EventName, type ReactWebComponent } from './create-component.js';
import { errorEvent, type TandemWidgetProps } from './widget-props.js';

export interface TandemLessonViewerProps extends TandemWidgetProps {
  /** Id of the lesson to show. */
  lessonId?: string;
  /** Second language to show side by side by default (e.g. `en`); the family's own choice wins. */
  bilingual?: string;
}

const events = {
  /** The family's "We tried it!" reached the server (once): `event.detail.completionId`, `.locale`. */
  onTandemLessonCompleted: 'tandem-lesson-completed' as EventName<TandemLessonCompletedEvent>,
  ...errorEvent,
};

export const TandemLessonViewer: ReactWebComponent<TandemLessonViewerElement, TandemLessonViewerProps, typeof events> = createComponent({
  react: React,
  tagName: 'tandem-lesson-viewer',
  elementClass: TandemLessonViewerElement,
  events,
  displayName: 'TandemLessonViewer',
});
