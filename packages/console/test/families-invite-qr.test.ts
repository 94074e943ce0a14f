/** The invite sheet's QR codes: one per code, drawn so that it scans to the family sign-in with that code, named for screen readers, whole on paper. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clearTandemStorage, expectAxeClean } from '@tandem/core/testing.js';
import { routes, type RouteSpec } from '@tandem/protocol';
import { emulateMedia } from '@web/test-runner-commands';
import { correction, generate } from 'lean-qr';
import '../src/screens/families/console-families.js';
import type { ConsoleFamilies } from '../src/screens/families/console-families.js';
import { QR_QUIET_ZONE } from '../src/screens/families/invite-qr.js';
import type { CallOptions } from '../src/console-client.js';
import { choose, FakeConsoleApi, sessionFor, settle, text, type } from './console-fakes.js';

const root = (el: ConsoleFamilies) => el.shadowRoot!;

async function renderScreen(): Promise<ConsoleFamilies> {
  const api = new FakeConsoleApi(sessionFor('organization-admin'));
  let made = 0;
  const codes = ['K7QX2MPR9A', 'ZZ4HT8NWC3', 'PW3RJ6TK2B'];
  api.answer = (route: RouteSpec, options: CallOptions) => {
    if (route === routes.listIdentityKeys) return { items: [] };
    if (route === routes.createFamily) return { id: 'f1', ...(options.body as object), createdAt: '2026-11-01T00:00:00Z' };
    if (route === routes.createInvite)
      return {
        id: `i${made}`,
        code: codes[made++],
        maxUses: 30,
        uses: 0,
        expiresAt: '2026-12-24T12:00:00Z',
        createdAt: '2026-11-01T00:00:00Z',
        ...(options.body as object),
      };
    return {};
  };
  const el = await fixture<ConsoleFamilies>(html`<console-families .api=${api} .session=${api.session!} lang="en"></console-families>`);
  await waitUntil(() => el.keys !== undefined);
  for (const className of ['Room 12', 'Room 14']) {
    await type(root(el), 'class-name', className, el);
    root(el).querySelector<HTMLButtonElement>('#class-invite button[type="submit"]')!.click();
    await settle(el);
  }
  return el;
}

/**
 * Paints the QR code's SVG on a canvas, as a printer or screen would, and reads back one pixel at the middle of
 * every module: dark is true. The result is what a phone camera would see, quiet zone included.
 */
async function paintedModules(qr: SVGSVGElement): Promise<boolean[][]> {
  const [, , side] = qr.getAttribute('viewBox')!.split(' ').map(Number) as [number, number, number, number];
  const scale = 8;
  const source = new XMLSerializer().serializeToString(qr);
  const image = new Image(side * scale, side * scale);
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = side * scale;
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0, side * scale, side * scale);
  const pixels = context.getImageData(0, 0, side * scale, side * scale).data;
  const dark = (x: number, y: number) => {
    const at = ((y * scale + scale / 2) * side * scale + (x * scale + scale / 2)) * 4;
    return pixels[at]! < 128 && pixels[at + 3]! > 128;
  };
  return Array.from({ length: side }, (_, y) => Array.from({ length: side }, (_, x) => dark(x, y)));
}

/** lean-qr's own module matrix for a text, with the same quiet zone, for comparison. */
function expectedModules(textToEncode: string): boolean[][] {
  const code = generate(textToEncode, { minCorrectionLevel: correction.M });
  const side = code.size + QR_QUIET_ZONE * 2;
  return Array.from({ length: side }, (_, y) => Array.from({ length: side }, (_, x) => code.get(x - QR_QUIET_ZONE, y - QR_QUIET_ZONE)));
}

describe('invite sheet QR codes', () => {
  beforeEach(async () => {
    localStorage.clear();
    await clearTandemStorage();
  });
  afterEach(() => emulateMedia({ media: 'screen' }));

  it('puts one QR code on each card, opening the family sign-in with that card’s code', async () => {
    const el = await renderScreen();
    const cards = [...root(el).querySelectorAll('.card')];
    expect(cards).to.have.length(2);
    const expected = [
      { who: 'Room 12', code: 'K7QX2-MPR9A', url: `${location.origin}/family/sign-in#tandem-invite=K7QX2MPR9A` },
      { who: 'Room 14', code: 'ZZ4HT-8NWC3', url: `${location.origin}/family/sign-in#tandem-invite=ZZ4HT8NWC3` },
    ];
    for (const [i, card] of cards.entries()) {
      const want = expected[i]!;
      expect(text(card.querySelector('.who'))).to.equal(want.who);
      const qrs = card.querySelectorAll<SVGSVGElement>('svg.qr');
      expect(qrs, 'exactly one QR code per card').to.have.length(1);
      const qr = qrs[0]!;
      expect(qr.getAttribute('data-url')).to.equal(want.url);
      // The code stays printed, after the QR code, for families who type it.
      expect(text(card.querySelector('.code'))).to.equal(want.code);
      expect(qr.compareDocumentPosition(card.querySelector('.code')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);

      const painted = await paintedModules(qr);
      const wanted = expectedModules(want.url);
      expect(painted.length).to.equal(wanted.length, 'the drawing has the size of the code plus its quiet zone');
      const wrong = painted.flatMap((row, y) => row.filter((dark, x) => dark !== wanted[y]![x]).map(() => y));
      expect(wrong, `modules that differ from the code of ${want.url}`).to.have.length(0);
    }
    // The two codes really differ: a sheet of identical QR codes would sign every family in as the first one.
    const [a, b] = await Promise.all([...root(el).querySelectorAll<SVGSVGElement>('svg.qr')].map(paintedModules));
    expect(JSON.stringify(a)).to.not.equal(JSON.stringify(b));
  });

  it('opens a family’s own code in the language the family reads', async () => {
    const el = await renderScreen();
    await type(root(el), 'family-name', 'Nguyen family', el);
    await choose(root(el), 'family-language', 'vi', el);
    await type(root(el), 'student-name-0', 'Linh Nguyen', el);
    await type(root(el), 'student-id-0', 'S-100', el);
    root(el).querySelector<HTMLButtonElement>('#register-family button[type="submit"]')!.click();
    await settle(el);
    [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === 'Make an invite code for Nguyen family')!.click();
    await settle(el);
    const card = [...root(el).querySelectorAll('.card')].find((c) => text(c.querySelector('.who')) === 'Nguyen family')!;
    const qr = card.querySelector<SVGSVGElement>('svg.qr')!;
    const url = `${location.origin}/family/sign-in?lang=vi#tandem-invite=${text(card.querySelector('.code')).replace('-', '')}`;
    expect(qr.getAttribute('data-url')).to.equal(url);
    const painted = await paintedModules(qr);
    expect(JSON.stringify(painted)).to.equal(JSON.stringify(expectedModules(url)));
  });

  it('names each QR code for screen readers by what it opens, and the sheet is axe clean', async () => {
    const el = await renderScreen();
    const qrs = [...root(el).querySelectorAll<SVGSVGElement>('svg.qr')];
    expect(qrs.map((qr) => qr.getAttribute('role'))).to.deep.equal(['img', 'img']);
    expect(qrs.map((qr) => qr.getAttribute('aria-label'))).to.deep.equal([
      'QR code: opens the family sign-in page for the code K7QX2-MPR9A',
      'QR code: opens the family sign-in page for the code ZZ4HT-8NWC3',
    ]);
    await expectAxeClean(el);
    el.lang = 'ar';
    await waitUntil(() => el.getAttribute('dir') === 'rtl');
    await el.updateComplete;
    await expectAxeClean(el);
    // Codes and addresses read left to right on an Arabic sheet too.
    expect(getComputedStyle(root(el).querySelector('.card .code')!).direction).to.equal('ltr');
  });

  it('prints only the cards, each whole, with QR codes large enough to scan', async () => {
    const el = await renderScreen();
    await emulateMedia({ media: 'print' });
    for (const section of root(el).querySelectorAll('section.no-print'))
      expect(getComputedStyle(section).display, 'forms are not printed').to.equal('none');
    const card = root(el).querySelector<HTMLElement>('.card')!;
    expect(getComputedStyle(card).breakInside).to.equal('avoid');
    const qr = card.querySelector('svg.qr')!.getBoundingClientRect();
    // 4 cm at CSS's 96 px per inch.
    expect(qr.width).to.be.closeTo((4 / 2.54) * 96, 1);
    expect(qr.height).to.be.closeTo(qr.width, 0.5);
    expect(getComputedStyle(card.querySelector('svg.qr path')!).fill).to.equal('rgb(0, 0, 0)', 'printed black whatever the theme');
  });
});
