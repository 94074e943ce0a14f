/**
 * The wrappers are made by `@lit/react`'s `createComponent` (props set as element properties, `on…` props as
 * event listeners). This module only narrows their types: each wrapper names its public props, so a
 * widget's internal state (`phase`, render helpers) is not offered as a prop the way `@lit/react`'s
 * every-property typing would offer it.
 */
import { createComponent as litCreateComponent, type EventName, type Options } from '@lit/react';
import type * as ReactTypes from 'react';

export type { EventName };

/** React prop name → DOM event name. */
export type EventNames = Record<string, EventName | string>;

/** Handler props for an event map: `{ onTandemSubmitted: EventName<TandemSubmittedEvent> }` → `onTandemSubmitted?: (e) => void`. */
export type EventListeners<E extends EventNames> = {
  [K in keyof E]?: E[K] extends EventName<infer T> ? (event: T) => void : (event: Event) => void;
};

/** Props of a wrapper: its element props `P`, the handler props of `E`, and React's ordinary HTML attributes. */
export type ComponentProps<I extends HTMLElement, P, E extends EventNames> = Omit<ReactTypes.HTMLAttributes<I>, keyof E | keyof P> &
  EventListeners<E> &
  P;

/** What `createComponent` returns; a ref reaches the custom element itself. */
export type ReactWebComponent<I extends HTMLElement, P, E extends EventNames> = ReactTypes.ForwardRefExoticComponent<
  ComponentProps<I, P, E> & ReactTypes.RefAttributes<I>
>;

/** `@lit/react`'s `createComponent`, typed with the wrapper's own props `P`. */
export function createComponent<
  I extends HTMLElement,
  E extends EventNames = Record<never, string>,
  P = Partial<Omit<I, keyof HTMLElement>>,
>(options: Options<I, E>): ReactWebComponent<I, P, E> {
  return litCreateComponent(options) as unknown as ReactWebComponent<I, P, E>;
}
