/** Which messaging server a widget talks to: its `messaging` property, else one HttpMessagingBackend per HttpBackend. */
import { HttpBackend, type Backend } from '@tandem/core';
import { HttpMessagingBackend } from './http-messaging.js';
import type { MessagingBackend } from './messaging-backend.js';

const byHttp = new WeakMap<HttpBackend, HttpMessagingBackend>();

export function messagingFor(explicit: MessagingBackend | undefined, backend: Backend | undefined): MessagingBackend | undefined {
  if (explicit) return explicit;
  // A Backend object may carry its own messaging (a school system's adapter, or a test's).
  const carried = (backend as { messaging?: MessagingBackend } | undefined)?.messaging;
  if (carried) return carried;
  if (!(backend instanceof HttpBackend)) return undefined;
  let messaging = byHttp.get(backend);
  if (!messaging) byHttp.set(backend, (messaging = new HttpMessagingBackend(backend)));
  return messaging;
}
