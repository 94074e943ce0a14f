/** <TandemResourceCard> and <TandemResourceList>: React wrappers of <tandem-resource-card> and <tandem-resource-list>. */
import * as React from 'react';
import {
  TandemResourceCard as TandemResourceCardElement,
  TandemResourceList as TandemResourceListElement,
  type TandemFeedbackSentEvent,
} from '@tandem/resource-card';
import '@tandem/resource-card/tandem-resource-card.js';
import '@tandem/resource-card/tandem-resource-list.js';
import { createComponent, type EventName, type ReactWebComponent } from './create-component.js';
import { errorEvent, type TandemWidgetProps } from './widget-props.js';

export interface TandemResourceCardProps extends TandemWidgetProps {
  /** Id of the resource to show. */
  resourceId?: string;
  /** The moment "open now" is judged against (default: the current time). */
  now?: Date;
}

const cardEvents = {
  /** The family's "Was this helpful?" answer reached the backend: `event.detail.helpful`, `.feedbackId`. */
  onTandemFeedbackSent: 'tandem-feedback-sent' as EventName<TandemFeedbackSentEvent>,
  ...errorEvent,
};

export const TandemResourceCard: ReactWebComponent<TandemResourceCardElement, TandemResourceCardProps, typeof cardEvents> = createComponent(
  {
    react: React,
    tagName: 'tandem-resource-card',
    elementClass: TandemResourceCardElement,
    events: cardEvents,
    displayName: 'TandemResourceCard',
  },
);

export interface TandemResourceListProps extends TandemWidgetProps {
  /** Id of the school whose resources to list (or use `organization`). */
  school?: string;
  /** Slug of the organization (district) whose resources to list. */
  organization?: string;
  /** URL of an HSDS-style JSON file to read instead of a Tandem server. */
  src?: string;
  /** Category filter (`food`, `health`, …). */
  category?: string;
  /** Language-spoken filter (BCP 47; `es` matches `es-MX`). */
  language?: string;
  /** Search words. */
  q?: string;
  /** Only resources open right now. */
  openNow?: boolean;
  /** The moment "open now" is judged against (default: the current time). */
  now?: Date;
}

const listEvents = { ...errorEvent };

export const TandemResourceList: ReactWebComponent<TandemResourceListElement, TandemResourceListProps, typeof listEvents> = createComponent(
  {
    react: React,
    tagName: 'tandem-resource-list',
    elementClass: TandemResourceListElement,
    events: listEvents,
    displayName: 'TandemResourceList',
  },
);
