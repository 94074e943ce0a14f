/** <TandemMessageBox> and <TandemInbox>: React wrappers of <tandem-message-box> (families) and <tandem-inbox> (staff). */
import * as React from 'react';
import {
  TandemInbox as TandemInboxElement,
  TandemMessageBox as TandemMessageBoxElement,
  type MessagingBackend,
  type TandemMessageSentEvent,
  type TandemSignedInEvent,
  type TandemSignedOutEvent,
} from '@tandem/message-box';
import '@tandem/message-box/tandem-message-box.js';
import '@tandem/message-box/tandem-inbox.js';
import { createComponent, type EventName, type ReactWebComponent } from './create-component.js';
import { errorEvent, type TandemWidgetProps } from './widget-props.js';

interface MessagingProps extends TandemWidgetProps {
  /** A messaging client object (e.g. `MemoryMessaging` in tests); else one for the widget's server. */
  messaging?: MessagingBackend;
}

export interface TandemMessageBoxProps extends MessagingProps {
  /** A host-signed family identity (JWT); needs `organization`. */
  identityToken?: string;
  /** The organization's slug. */
  organization?: string;
  /** Narrow to one school. */
  school?: string;
  /** Narrow to one student. */
  student?: string;
}

const messageSent = {
  /** A message was stored on the server: `event.detail.conversationId`, `.messageId`, `.availability`. */
  onTandemMessageSent: 'tandem-message-sent' as EventName<TandemMessageSentEvent>,
};

const boxEvents = {
  ...messageSent,
  /** The family signed in, or a session kept on this device was restored: `event.detail.familyId`, `.via`. */
  onTandemSignedIn: 'tandem-signed-in' as EventName<TandemSignedInEvent>,
  /** The session ended: `event.detail.reason` is `signed-out` or `expired`. */
  onTandemSignedOut: 'tandem-signed-out' as EventName<TandemSignedOutEvent>,
  ...errorEvent,
};

export const TandemMessageBox: ReactWebComponent<TandemMessageBoxElement, TandemMessageBoxProps, typeof boxEvents> = createComponent({
  react: React,
  tagName: 'tandem-message-box',
  elementClass: TandemMessageBoxElement,
  events: boxEvents,
  displayName: 'TandemMessageBox',
});

export interface TandemInboxProps extends MessagingProps {
  /** A staff API token, tied to a staff member; set as a property, so it never appears in the page's HTML. */
  staffToken?: string;
  /** Offer the CSV export of a thread. */
  canExport?: boolean;
}

const inboxEvents = { ...messageSent, ...errorEvent };

export const TandemInbox: ReactWebComponent<TandemInboxElement, TandemInboxProps, typeof inboxEvents> = createComponent({
  react: React,
  tagName: 'tandem-inbox',
  elementClass: TandemInboxElement,
  events: inboxEvents,
  displayName: 'TandemInbox',
});
