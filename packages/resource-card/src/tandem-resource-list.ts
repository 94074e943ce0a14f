/**
 * Defines <tandem-resource-list>; a side-effect module. The shared UI elements it renders (language switch,
 * status) are defined by list-ui.ts, which arrives with the content, after the first paint.
 */
import { TandemResourceList } from './resource-list.js';

TandemResourceList.define('tandem-resource-list');

declare global {
  interface HTMLElementTagNameMap {
    'tandem-resource-list': TandemResourceList;
  }
}
