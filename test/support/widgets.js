// Waits until every Tandem widget on a demo page shows its content, so checks see what a family sees.
import { waitForRsvpForm } from './rsvp.js';

/** What each widget shows once its data has arrived. */
const READY = {
  'tandem-resource-list': '[part~="item"]',
  'tandem-resource-card': '[part~="name"]',
  'tandem-lesson-viewer': '[part~="section"]',
  // Signed out, the sign-in form; signed in, the family's header.
  'tandem-message-box': '[part~="submit"], [part~="sign-out"]',
};

export async function waitForWidgets(page, timeout = 15_000) {
  if ((await page.locator('tandem-event-rsvp').count()) > 0) await waitForRsvpForm(page, timeout);
  for (const [tag, ready] of Object.entries(READY)) {
    const widgets = page.locator(tag);
    for (let i = 0; i < (await widgets.count()); i++) await widgets.nth(i).locator(ready).first().waitFor({ timeout });
  }
}
