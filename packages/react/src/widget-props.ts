/** Props every Tandem widget wrapper takes, whichever widget it is. */
import type { Backend, TandemErrorEvent } from '@tandem/core';
import type { EventName } from './create-component.js';

export interface TandemWidgetProps {
  /** A Backend object (e.g. `new HttpBackend(url)` or a `MemoryBackend` in tests); wins over `backendUrl`. */
  backend?: Backend;
  /** Base URL of a Tandem-compatible server; else the nearest `<TandemConfig backend>`. */
  backendUrl?: string;
  /** Language of the widget (`es`, `ar`, …); a language the family picked with the switch wins. */
  lang?: string;
}

/** `tandem-error`, which every widget fires: `event.detail.message` says what failed, in the family's language. */
export const errorEvent = { onTandemError: 'tandem-error' as EventName<TandemErrorEvent> };
