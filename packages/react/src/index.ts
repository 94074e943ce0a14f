/**
 * @tandem/react: every Tandem widget as a React component with typed props and `on…` event props.
 * Importing a component defines its custom element; unused widgets stay out of the bundle.
 */
export { TandemSurvey, type TandemSurveyProps } from './survey.js';
export { TandemEventRsvp, type TandemEventRsvpProps } from './event-rsvp.js';
export { TandemResourceCard, TandemResourceList, type TandemResourceCardProps, type TandemResourceListProps } from './resource-card.js';
export { TandemLessonViewer, type TandemLessonViewerProps } from './lesson-viewer.js';
export { TandemMessageBox, TandemInbox, type TandemMessageBoxProps, type TandemInboxProps } from './message-box.js';
export { TandemConfig, type TandemConfigProps } from './config.js';
export type { TandemWidgetProps } from './widget-props.js';
export { createComponent, type EventName, type ReactWebComponent } from './create-component.js';
