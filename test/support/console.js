// Staff in the console, as the e2e tests need them: made with `tandem-server staff create`, signed in at /console.
import { DESKTOP, PHONE, watchForProblems } from './browser.js';

/** Creates a staff user through the CLI; `school` makes them a member (and a messaging contact) of that school. */
export async function createStaff(server, { email, name, password, role = 'staff', school }) {
  await server.cli([
    'staff',
    'create',
    '--org',
    'lincoln',
    '--email',
    email,
    '--name',
    name,
    '--role',
    role,
    ...(school ? ['--school', school] : []),
    '--password',
    password,
  ]);
}

/**
 * Opens /console (at `hash`) in a browser context of its own and signs `who` in through the form. `prepare` runs
 * on the context before the page opens (permissions, say). Returns the console element as `app`.
 */
export async function signInToConsole(browser, server, who, { hash = '', viewport = DESKTOP, prepare } = {}) {
  const context = await browser.newContext({
    viewport,
    locale: 'en-US',
    ...(viewport === PHONE ? { hasTouch: true, isMobile: true } : {}),
  });
  await prepare?.(context);
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(`${new URL('console', server.baseUrl).href}${hash}`);
  const app = page.locator('tandem-console');
  await app.getByLabel('Email').fill(who.email);
  await app.getByLabel('Password').fill(who.password);
  await app.getByRole('button', { name: 'Sign in', exact: true }).click();
  await app.getByRole('navigation', { name: 'Console' }).waitFor();
  return { context, page, problems, app };
}
