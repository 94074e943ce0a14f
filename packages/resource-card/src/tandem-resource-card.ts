/**
 * Defines <tandem-resource-card>; a side-effect module. The shared UI elements it renders (language switch,
 * status) are defined by card-ui.ts, which arrives with the content, after the first paint.
 */
import { TandemResourceCard } from './resource-card.js';

TandemResourceCard.define('tandem-resource-card');

declare global {
  interface HTMLElementTagNameMap {
    'tandem-resource-card': TandemResourceCard;
  }
}
