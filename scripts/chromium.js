// How every test launches Debian's Chromium: headless, as root, with no calls home (this machine has no
// network, and Chromium's background services would flood it with refused connections).
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
