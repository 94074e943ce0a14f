/** <TandemConfig>: React wrapper of <tandem-config>, which points every widget inside it at one server. */
import * as React from 'react';
import { TandemConfig as TandemConfigElement } from '@tandem/core/tandem-config.js';
import { createComponent, type ReactWebComponent } from './create-component.js';

export interface TandemConfigProps {
  /** Base URL of the server the widgets inside should use. */
  backend?: string;
}

export const TandemConfig: ReactWebComponent<TandemConfigElement, TandemConfigProps, Record<never, string>> = createComponent({
  react: React,
  tagName: 'tandem-config',
  elementClass: TandemConfigElement,
  displayName: 'TandemConfig',
});
