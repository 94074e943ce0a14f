/** How a resource widget names what stopped it loading; comes with card-ui.ts and list-ui.ts, not the first paint. */
import { BackendError } from '@tandem/core';
import type { LoadPhase } from './views/loading.js';

/** `not-found` when the server says so, else `load-error` (offline, server trouble, a bad file). */
export function loadFailurePhase(error: Error): LoadPhase {
  return error instanceof BackendError && error.kind === 'not-found' ? 'not-found' : 'load-error';
}

/** Why a widget cannot even start: no server to ask, or nothing named to show. */
export function setupError(tag: 'tandem-resource-card' | 'tandem-resource-list', hasBackend: boolean): Error {
  if (!hasBackend) return new Error(`No Tandem backend is configured for <${tag}>.`);
  return new Error(
    tag === 'tandem-resource-card'
      ? '<tandem-resource-card> needs a resource attribute.'
      : '<tandem-resource-list> needs a school, organization or src attribute.',
  );
}
