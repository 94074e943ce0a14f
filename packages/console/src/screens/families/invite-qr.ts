/**
 * The QR code on an invite card: the family sign-in address with the code in its fragment, drawn as one SVG path
 * from lean-qr's module matrix. A fragment, not a query, so the code never reaches a server log or a Referer.
 */
import { msg, str } from '@lit/localize';
import { formatInviteCode, normalizeInviteCode } from '@tandem/protocol';
import { correction, generate } from 'lean-qr';
import { toSvgPath } from 'lean-qr/extras/svg';
import { html, type TemplateResult } from 'lit';

/** Modules of blank margin around the code; scanners need about four to find its edges. */
export const QR_QUIET_ZONE = 4;

/** The family sign-in page the console's server serves. */
export const familySignInUrl = (origin: string = globalThis.location.origin) => `${origin}/family/sign-in`;

/**
 * What a card's QR code opens: the sign-in page, in the family's language when it is known (the page honours
 * `?lang=`), with the invite code for the message box to fill in.
 */
export function inviteSignInUrl(code: string, options: { locale?: string | undefined; origin?: string } = {}): string {
  const lang = options.locale ? `?lang=${encodeURIComponent(options.locale)}` : '';
  return `${familySignInUrl(options.origin)}${lang}#tandem-invite=${encodeURIComponent(normalizeInviteCode(code))}`;
}

/** The QR code's module matrix; medium error correction survives a smudged or folded sheet. */
export const inviteQrMatrix = (text: string) => generate(text, { minCorrectionLevel: correction.M });

/**
 * Black on white whatever the theme: a light-on-dark code does not scan with many phones. The drawing has an
 * accessible name saying what it opens, since the code beside it is the only other way in.
 */
export function renderInviteQr(code: string, locale?: string): TemplateResult {
  const url = inviteSignInUrl(code, { locale });
  const matrix = inviteQrMatrix(url);
  const side = matrix.size + QR_QUIET_ZONE * 2;
  const label = msg(str`QR code: opens the family sign-in page for the code ${formatInviteCode(code)}`, {
    id: 'console.families.qrLabel',
  });
  return html`<svg
    class="qr"
    part="qr"
    role="img"
    aria-label=${label}
    data-url=${url}
    viewBox="${-QR_QUIET_ZONE} ${-QR_QUIET_ZONE} ${side} ${side}"
    shape-rendering="crispEdges"
  >
    <rect x=${-QR_QUIET_ZONE} y=${-QR_QUIET_ZONE} width=${side} height=${side} fill="#fff"></rect>
    <path d=${toSvgPath(matrix)} fill="#000"></path>
  </svg>`;
}
