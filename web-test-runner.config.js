// Component tests: TypeScript sources run directly in Debian's Chromium (no build; `tandem-source` export condition).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { chromiumArgs, chromiumPath } from './scripts/chromium.js';
import { reactAsEsm } from './packages/react/test/react-esm-plugin.js';

/**
 * The UI-string modules in packages/core/src/generated/ are built from xliff/ and git-ignored. Rebuild
 * them when missing or older than the translations (`lit-localize build` takes a few seconds).
 */
function ensureLocaleModules() {
  const root = new URL('./', import.meta.url);
  const generated = new URL('packages/core/src/generated/locales/es.ts', root);
  const inputs = [new URL('lit-localize.json', root), ...readdirSync(new URL('xliff/', root)).map((f) => new URL(`xliff/${f}`, root))];
  const builtAt = existsSync(generated) ? statSync(generated).mtimeMs : 0;
  if (inputs.some((file) => statSync(file).mtimeMs > builtAt)) {
    try {
      // Quiet on success: it lists every not-yet-translated string, which is expected for drafts.
      execSync('npx lit-localize build', { cwd: root, stdio: 'pipe' });
    } catch (error) {
      process.stderr.write(String(error.stderr ?? error));
      throw error;
    }
  }
}
ensureLocaleModules();

const packages = readdirSync(new URL('./packages/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

export default {
  files: ['packages/*/test/**/*.test.ts'],
  // `npx wtr --group core` runs one package. Groups exist only then: with both `files` and groups
  // configured, a plain `npx wtr` would run every test twice.
  groups: process.argv.some((arg) => arg === '--group' || arg.startsWith('--group='))
    ? packages.map((name) => ({ name, files: `packages/${name}/test/**/*.test.ts` }))
    : undefined,
  nodeResolve: { exportConditions: ['tandem-source', 'development'] },
  // React ships CommonJS only; @tandem/react's tests get it as ES modules.
  plugins: [reactAsEsm(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.base.json' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: chromiumPath,
        args: chromiumArgs,
      },
    }),
  ],
  // Two cores: one browser page at a time keeps IndexedDB, localStorage and timing tests honest.
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 180000,
  testFramework: { config: { timeout: 10000 } },
  // Lit announces its dev mode once per test file; every other browser log still shows.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
};
