/** What every console screen element shares: the caller for staff routes, the session, and the console's form styles. */
import { baseStyles, TandemElement } from '@tandem/core';
import { buttonStyles, fieldErrorStyles } from '@tandem/core/ui.js';
import type { ConsoleSession } from '@tandem/protocol';
import { css, type PropertyDeclarations } from 'lit';
import type { ConsoleCaller } from '../console-client.js';
import { consoleFormStyles } from '../console.styles.js';

export abstract class ScreenElement extends TandemElement {
  static override styles = css`
    ${baseStyles} ${buttonStyles} ${fieldErrorStyles} ${consoleFormStyles}
    :host {
      display: block;
    }
  `;

  static override properties: PropertyDeclarations = {
    ...TandemElement.properties,
    api: { attribute: false },
    session: { attribute: false },
  };

  /** Staff routes, with the session cookie and CSRF token. */
  api!: ConsoleCaller;
  session!: ConsoleSession;

  /** After a refused submit: the first field marked invalid, else the form's message, takes focus. */
  protected async focusFirstError(form: string): Promise<void> {
    await this.updateComplete;
    const root = this.renderRoot.querySelector(`#${form}`);
    const target = root?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? root?.querySelector<HTMLElement>('.alert');
    target?.focus();
  }
}
