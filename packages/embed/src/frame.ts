/**
 * `/embed-frame.js`: the only script of Tandem's iframe pages (`/embed/<widget>/<id>`) besides the widget
 * itself. It hands the widget the family's identity from the URL fragment, applies a custom accent from the
 * query, and tells the embedding page how tall the content is.
 */

// Widgets talk to the server that served this page, as they would with the /tandem.js loader.
(globalThis as { tandemBackendBase?: string }).tandemBackendBase ??= new URL('./', import.meta.url).href;

const query = new URLSearchParams(location.search);
const root = document.documentElement;

/**
 * The identity token travels in the fragment (`#identity=<jwt>`): a fragment never reaches a server log,
 * a proxy or a Referer header. Once read it leaves the address bar, so a copied link or a history entry
 * does not carry it. Other fragment keys (the sign-in link's `tandem-sign-in`) are the widget's to read.
 */
const fragment = new URLSearchParams(location.hash.slice(1));
const identity = fragment.get('identity');
if (identity) {
  document.querySelector('[data-tandem-widget]')?.setAttribute('identity-token', identity);
  fragment.delete('identity');
  const rest = fragment.toString();
  history.replaceState(history.state, '', location.pathname + location.search + (rest ? `#${rest}` : ''));
}

// The server checked the value's shape; CSSOM writes are allowed by the page's CSP, an inline style would not be.
const accent = query.get('accent');
if (accent && /^#[0-9a-f]{3,8}$/i.test(accent)) root.style.setProperty('--tandem-accent', accent);

/**
 * Auto-height: the host page (through /tandem-frame.js, or an LMS) sets the iframe's height from these
 * messages. They carry only a height, so any parent may read them: `'*'` is safe here and the frame need
 * not know who embeds it. LMSs (Canvas, Moodle…) understand `lti.frameResize`.
 */
if (parent !== window) {
  const embedId = query.get('embedId');
  let last = -1;
  const report = () => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    parent.postMessage({ type: 'tandem:resize', embedId, height }, '*');
    parent.postMessage({ subject: 'lti.frameResize', height }, '*');
  };
  new ResizeObserver(report).observe(root);
  // Browsers skip the rendering steps (and so ResizeObserver callbacks) of cross-origin frames outside the
  // viewport; a slow check keeps the host's layout right before the family scrolls there. When nothing changed,
  // the read costs no layout.
  setInterval(report, 1000);
}
