/**
 * The printable invite sheet: one card per family or class, with a QR code that opens the family sign-in, the
 * code in large type and the address where families type it. Print styles hide everything else on the page, and a
 * card never breaks across pages.
 */
import { msg, str } from '@lit/localize';
import { formatInviteCode, type Invite } from '@tandem/protocol';
import { css, html, type TemplateResult } from 'lit';
import { familySignInUrl, renderInviteQr } from './invite-qr.js';

export interface PrintableInvite extends Invite {
  /** The family's name or the class name, as printed on the card. */
  label: string;
  /** The language the family reads, for a family's own code; a class code opens in the page's default. */
  locale?: string;
}

export const inviteSheetStyles = css`
  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .card {
    display: grid;
    gap: 0.5em;
    padding: var(--_space);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    break-inside: avoid;
    page-break-inside: avoid;
  }
  .card .qr {
    display: block;
    inline-size: 10rem;
    block-size: 10rem;
    justify-self: center;
  }
  .card .who {
    font-weight: 700;
    font-size: 1.125em;
    margin: 0;
  }
  .card .code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 2.25em;
    font-weight: 700;
    letter-spacing: 0.08em;
    margin: 0;
    /* Codes are Latin letters and digits: they read left to right on an Arabic sheet too. */
    direction: ltr;
    unicode-bidi: isolate;
  }
  .card .url {
    direction: ltr;
    unicode-bidi: isolate;
    overflow-wrap: anywhere;
    font-weight: 600;
  }
  .card p {
    margin: 0;
  }
  @media print {
    .no-print {
      display: none !important;
    }
    .sheet h2 {
      display: none;
    }
    .cards {
      grid-template-columns: 1fr 1fr;
    }
    .card {
      border-color: #000;
      color: #000;
    }
    /* Big enough to scan from a fridge door; a fixed size so two cards fit across a page. */
    .card .qr {
      inline-size: 4cm;
      block-size: 4cm;
    }
  }
`;

export function renderInviteCard(invite: PrintableInvite, locale: string): TemplateResult {
  const expires = new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(invite.expiresAt));
  return html`<li class="card" data-invite=${invite.id}>
    <p class="who">${invite.label}</p>
    ${invite.code ? renderInviteQr(invite.code, invite.locale) : ''}
    <p class="hint">${msg('Scan it with a phone camera, or type the code below.', { id: 'console.families.qrHint' })}</p>
    <p>${msg('Your code to message the school:', { id: 'console.invite.yourCode' })}</p>
    <p class="code">${formatInviteCode(invite.code ?? '')}</p>
    <p>${msg('Type it at:', { id: 'console.invite.typeAt' })}</p>
    <p class="url">${familySignInUrl()}</p>
    <p class="hint">${msg(str`Use it before ${expires}.`, { id: 'console.invite.expires' })}</p>
  </li>`;
}
