/** Side-effect entry: defines the shared UI elements (<tandem-language-switch>, <tandem-status>). */
import { defineTandemUi } from './index.js';

defineTandemUi();
