/**
 * The HTML the LTI routes answer with (errors, waiting for approval, registration done, the content
 * picker, the auto-submitting deep-link return, the platform-storage steps). No inline script anywhere:
 * pages load their few lines from /lti/scripts/*.js under a CSP that allows only this server's files.
 */
import type { FastifyReply } from 'fastify';
import { ltiTexts, type LtiFailure, type LtiTexts } from './texts.js';

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** LTI pages live in LMS frames and popups: any site may frame them; forms post only where the page says. */
export function ltiPagePolicy(formActions: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    `form-action 'self'${formActions.map((o) => ` ${o}`).join('')}`,
    'frame-ancestors *',
  ].join('; ');
}

export function renderPage(texts: Pick<LtiTexts, 'lang'>, title: string, body: string, scripts: readonly string[] = []): string {
  return `<!doctype html>
<html lang="${escapeHtml(texts.lang)}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/lti/lti.css">
${scripts.map((s) => `<script src="/lti/scripts/${s}" defer></script>`).join('\n')}
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export function sendLtiPage(reply: FastifyReply, status: number, html: string, formActions: readonly string[] = []): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', ltiPagePolicy(formActions))
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .send(html);
}

/** Says in plain words what failed, with the failure's code for whoever reads it out to an administrator. */
export function errorPage(failure: LtiFailure, locale: string | undefined, detail?: string): string {
  const t = ltiTexts(locale);
  return renderPage(
    t,
    t.errorTitle,
    `<h1>${escapeHtml(t.errorTitle)}</h1>
<p class="lti-failure" data-failure="${failure}">${escapeHtml(t.failures[failure])}</p>
${detail ? `<p class="lti-detail">${escapeHtml(detail)}</p>` : ''}
<p class="lti-note">${escapeHtml(t.again)} <code>lti:${failure}</code></p>`,
  );
}

export function waitingPage(locale: string | undefined): string {
  const t = ltiTexts(locale);
  return renderPage(
    t,
    t.waitingTitle,
    `<h1>${escapeHtml(t.waitingTitle)}</h1>\n<p data-failure="pending">${escapeHtml(t.waitingBody)}</p>`,
  );
}

export function registeredPage(locale: string | undefined): string {
  const t = ltiTexts(locale);
  return renderPage(
    t,
    t.registeredTitle,
    `<h1>${escapeHtml(t.registeredTitle)}</h1>\n<p>${escapeHtml(t.registeredBody)}</p>\n<p>${escapeHtml(t.close)}</p>`,
    ['close.js'],
  );
}

export function registrationFailedPage(locale: string | undefined, detail: string): string {
  const t = ltiTexts(locale);
  return renderPage(
    t,
    t.registrationFailedTitle,
    `<h1>${escapeHtml(t.registrationFailedTitle)}</h1>\n<p>${escapeHtml(t.registrationFailedBody)}</p>\n<p class="lti-detail" data-failure="registration">${escapeHtml(detail)}</p>`,
  );
}

/** A form the served script submits at once; the button is there for anyone whose browser does not run it. */
export function autoSubmitPage(locale: string | undefined, action: string, fields: Record<string, string>, message?: string): string {
  const t = ltiTexts(locale);
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  return renderPage(
    t,
    message ?? t.sending,
    `<form id="lti-auto-submit" method="post" action="${escapeHtml(action)}">
${inputs}
<p role="status">${escapeHtml(message ?? t.sending)}</p>
<button type="submit">${escapeHtml(t.continue)}</button>
</form>`,
    ['auto-submit.js'],
  );
}

/** Login step through the platform's storage: keep state and nonce in the LMS frame, then go on to its auth endpoint. */
export function storageLoginPage(
  locale: string | undefined,
  data: { target: string; origin: string; state: string; nonce: string; authUrl: string },
): string {
  const t = ltiTexts(locale);
  return renderPage(
    t,
    t.connecting,
    `<div id="lti-storage" data-target="${escapeHtml(data.target)}" data-origin="${escapeHtml(data.origin)}" data-state="${escapeHtml(data.state)}" data-nonce="${escapeHtml(data.nonce)}" data-auth-url="${escapeHtml(data.authUrl)}"></div>
<p role="status">${escapeHtml(t.connecting)}</p>
<noscript><p>${escapeHtml(t.needsJavaScript)}</p></noscript>`,
    ['storage-login.js'],
  );
}

/** Launch step through the platform's storage: read the state back from the LMS frame and post it with the token. */
export function storageLaunchPage(
  locale: string | undefined,
  data: { target: string; origin: string; state: string; idToken: string; action: string },
): string {
  const t = ltiTexts(locale);
  return renderPage(
    t,
    t.connecting,
    `<form id="lti-storage-launch" method="post" action="${escapeHtml(data.action)}" data-target="${escapeHtml(data.target)}" data-origin="${escapeHtml(data.origin)}">
<input type="hidden" name="id_token" value="${escapeHtml(data.idToken)}">
<input type="hidden" name="state" value="${escapeHtml(data.state)}">
<input type="hidden" name="lti_storage_state" value="">
</form>
<p role="status" id="lti-storage-status" data-failed="${escapeHtml(t.failures.storage)}">${escapeHtml(t.connecting)}</p>
<noscript><p>${escapeHtml(t.needsJavaScript)}</p></noscript>`,
    ['storage-launch.js'],
  );
}

/** The scripts LTI pages load. Each is a few lines; they are files so the pages' CSP needs no 'unsafe-inline'. */
export const LTI_SCRIPTS: Readonly<Record<string, string>> = {
  // Dynamic registration is done: the LMS closes its registration window or frame on this message.
  'close.js': `(window.opener || window.parent).postMessage({ subject: 'org.imsglobal.lti.close' }, '*');\n`,
  'auto-submit.js': `document.getElementById('lti-auto-submit').submit();\n`,
  'storage-login.js': `(function () {
  var el = document.getElementById('lti-storage');
  var d = el.dataset;
  var frame = d.target === '_parent' ? window.parent : window.parent.frames[d.target];
  var timer;
  var gone = false;
  // Once only: a late answer or the fallback timer must not start a second login while the first is under way.
  var go = function () {
    if (gone) return;
    gone = true;
    clearTimeout(timer);
    window.location.href = d.authUrl;
  };
  if (!frame) return go();
  var pending = { state: 'state_' + d.state, nonce: 'nonce_' + d.nonce };
  var values = { state: d.state, nonce: d.nonce };
  var left = 2;
  window.addEventListener('message', function (event) {
    if (event.origin !== d.origin || !event.data || event.data.subject !== 'lti.put_data.response') return;
    if (event.data.message_id !== pending.state && event.data.message_id !== pending.nonce) return;
    left -= 1;
    if (left === 0) go();
  });
  ['state', 'nonce'].forEach(function (name) {
    frame.postMessage({ subject: 'lti.put_data', message_id: pending[name], key: pending[name], value: values[name] }, d.origin);
  });
  // A platform that never answers must not strand the person here; the cookie may still carry the launch.
  timer = setTimeout(go, 3000);
})();
`,
  'storage-launch.js': `(function () {
  var form = document.getElementById('lti-storage-launch');
  var d = form.dataset;
  var state = form.elements.state.value;
  var key = 'state_' + state;
  var frame = d.target === '_parent' ? window.parent : window.parent.frames[d.target];
  var fail = function () {
    var status = document.getElementById('lti-storage-status');
    status.textContent = status.dataset.failed;
    status.setAttribute('role', 'alert');
  };
  if (!frame) return fail();
  var timer = setTimeout(fail, 5000);
  window.addEventListener('message', function (event) {
    if (event.origin !== d.origin || !event.data || event.data.subject !== 'lti.get_data.response' || event.data.message_id !== key) return;
    clearTimeout(timer);
    if (event.data.value !== state) return fail();
    form.elements.lti_storage_state.value = event.data.value;
    form.submit();
  });
  frame.postMessage({ subject: 'lti.get_data', message_id: key, key: key }, d.origin);
})();
`,
};

export const LTI_CSS = `html { color: #1a1a1a; background: #fff; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; }
body { margin: 0; padding: 1rem; }
main { max-width: 44rem; }
h1 { font-size: 1.4rem; margin: 0 0 .75rem; }
fieldset { border: 1px solid #888; border-radius: .4rem; margin: 0 0 1rem; padding: .5rem 1rem; }
legend { font-weight: 600; padding-inline: .25rem; }
label { display: block; padding-block: .25rem; }
input[type="radio"] { margin-inline-end: .5rem; }
button { font: inherit; padding: .5rem 1.25rem; border-radius: .4rem; border: 1px solid #0b5cad; background: #0b5cad; color: #fff; cursor: pointer; }
:focus-visible { outline: 3px solid #e37400; outline-offset: 2px; }
.lti-error { color: #b00020; font-weight: 600; }
.lti-note, .lti-detail { color: #444; }
`;
