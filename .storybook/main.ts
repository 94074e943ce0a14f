// Storybook for the widgets, built by Vite straight from the packages' TypeScript sources (no tsc build needed first).
import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions, mergeConfig } from 'vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      resolve: {
        // Workspace packages export their src/*.ts under 'tandem-source'; everything else resolves as usual.
        conditions: ['tandem-source', ...defaultClientConditions],
        // One Lit and one localize runtime, or widgets would register templates and locales twice.
        dedupe: ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/localize'],
      },
      // Storybook's own UI and axe are large by nature; widget sizes are watched by `npm run bench` instead.
      build: { chunkSizeWarningLimit: 2_000 },
      // Lit's decorators are the legacy (experimental) kind, as in tsconfig.base.json.
      esbuild: { tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } } },
    }),
};

export default config;
