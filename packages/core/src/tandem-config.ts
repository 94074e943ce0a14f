/** Side-effect entry: defines <tandem-config>. */
import { TandemConfig } from './config-element.js';

TandemConfig.define('tandem-config');

export { TandemConfig };
