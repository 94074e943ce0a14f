/**
 * Static mode of <tandem-resource-list>: reads an HSDS-style JSON file from any URL. Imported lazily, so
 * the HSDS reader stays out of the bundle of pages that talk to a Tandem server.
 */
import { BackendError } from '@tandem/core';
import { publicResourcesFromHsds, type PublicResource } from '@tandem/protocol';

export async function fetchStaticResources(src: string, signal?: AbortSignal): Promise<PublicResource[]> {
  let response: Response;
  try {
    response = await fetch(new URL(src, document.baseURI), { signal: signal ?? null, headers: { accept: 'application/json' } });
  } catch (error) {
    throw new BackendError('offline', `Could not fetch ${src}: ${String(error)}`);
  }
  if (!response.ok)
    throw new BackendError(response.status === 404 ? 'not-found' : 'server', `${src} answered ${response.status}`, response.status);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new BackendError('server', `${src} is not JSON`);
  }
  return publicResourcesFromHsds(json);
}
