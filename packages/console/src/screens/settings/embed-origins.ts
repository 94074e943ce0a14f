/**
 * The check a typed site passes before the "sites allowed to embed" list is sent, with the same rules as the
 * server's `normalizeEmbedOrigin` but in the staff member's language. The server checks again.
 */
import { msg } from '@lit/localize';

export type OriginCheck = { origin: string; error?: undefined } | { origin?: undefined; error: string };

/** Development hosts that may use plain http, as the server allows them. */
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * A site as the browser names it when it frames a page: `https://` and the host, lower case, no default port, no
 * path. A bare host (`www.lincoln.org`) is taken as https; a page address is refused rather than silently cut, so
 * the admin sees that only whole sites can be listed.
 */
export function checkOrigin(typed: string): OriginCheck {
  const text = typed.trim();
  if (!text) return { error: msg('Enter the site’s address, or remove this row.', { id: 'console.settings.originRequired' }) };
  if (text.includes('*'))
    return { error: msg('List each site on its own: addresses with * are not allowed.', { id: 'console.settings.originWildcard' }) };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { error: badAddress() };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOST.test(url.hostname)))
    return {
      error: msg('Use an https:// address: browsers only embed securely from secure sites.', { id: 'console.settings.originHttps' }),
    };
  if (!url.hostname || url.username || url.password) return { error: badAddress() };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || /[?#]/.test(text))
    return {
      error: msg('Enter only the site, like https://www.lincoln.org, without a page path.', { id: 'console.settings.originPath' }),
    };
  return { origin: url.origin.toLowerCase() };
}

const badAddress = () => msg('Enter a site address like https://www.lincoln.org.', { id: 'console.settings.originInvalid' });
