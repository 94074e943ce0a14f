/** <TandemEventRsvp>: React wrapper of <tandem-event-rsvp>. */
import * as React from 'react';
import { TandemEventRsvp as TandemEventRsvpElement, type TandemRsvpChangedEvent } from '@tandem/event-rsvp';
import '@tandem/event-rsvp/tandem-event-rsvp.js';
import { createComponent, type EventName, type ReactWebComponent } from './create-component.js';
import { errorEvent, type TandemWidgetProps } from './widget-props.js';

export interface TandemEventRsvpProps extends TandemWidgetProps {
  /** Id of the event to show. */
  eventId?: string;
  /** A host-signed family identity sent with the RSVP; without it the RSVP is anonymous. */
  identityToken?: string;
}

const events = {
  /** The RSVP was made, changed, cancelled or promoted off the waitlist: `event.detail.status`, `.rsvpId`, … */
  onTandemRsvpChanged: 'tandem-rsvp-changed' as EventName<TandemRsvpChangedEvent>,
  ...errorEvent,
};

export const TandemEventRsvp: ReactWebComponent<TandemEventRsvpElement, TandemEventRsvpProps, typeof events> = createComponent({
  react: React,
  tagName: 'tandem-event-rsvp',
  elementClass: TandemEventRsvpElement,
  events,
  displayName: 'TandemEventRsvp',
});
