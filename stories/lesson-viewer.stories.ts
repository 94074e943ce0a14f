// Stories for <tandem-lesson-viewer>: each state a family can meet, every one wired to an in-memory backend.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { clear, createStore, set } from 'idb-keyval';
import { MemoryBackend, demoLessons, outbox } from '@tandem/core';
import type { LessonCompletionInput } from '@tandem/protocol';
import '@tandem/lesson-viewer/tandem-lesson-viewer.js';

interface LessonArgs {
  lesson: string;
  lang: string;
  bilingual: string;
  width: string;
}

const demoBackend = () => MemoryBackend.withDemoData({ latencyMs: 300 });

/** Stories share one browser: forget lessons kept, progress, the bilingual choice and a saved language from earlier stories. */
async function freshDevice(): Promise<Record<string, never>> {
  await clear(createStore('tandem-lessons', 'copies'));
  await clear(createStore('tandem-answered', 'entries'));
  for (const key of Object.keys(localStorage)) if (key.startsWith('tandem:')) localStorage.removeItem(key);
  return {};
}

/** A backend that cannot be reached, with the lesson already kept on this device from an earlier visit. */
async function offlineWithSavedCopy(): Promise<{ backend: MemoryBackend }> {
  const backend = demoBackend();
  await set('storybook-offline|lesson|demo-lesson', demoLessons()[0], createStore('tandem-lessons', 'copies'));
  backend.setOffline(true);
  return { backend: Object.assign(backend, { key: 'storybook-offline' }) };
}

const meta = {
  title: 'Widgets/Lesson viewer',
  component: 'tandem-lesson-viewer',
  tags: ['autodocs'],
  loaders: [freshDevice],
  args: { lesson: 'demo-lesson', lang: 'en', bilingual: '', width: '100%' },
  argTypes: {
    lesson: {
      control: 'select',
      options: ['demo-lesson', 'bedtime-lesson', 'conference-lesson', 'missing'],
      description: 'Lesson id',
    },
    lang: { control: 'select', options: ['en', 'es', 'hmn', 'vi', 'so', 'ar', 'zh-Hans', 'ht'], description: 'Language of the widget' },
    bilingual: { control: 'select', options: ['', 'en', 'es', 'hmn', 'ar'], description: 'Second language shown side by side' },
    width: { control: 'text', description: 'Width of the box the widget sits in (the layout follows it, not the page)' },
  },
  render: (args) =>
    html`<div style="inline-size: ${args.width}">
      <tandem-lesson-viewer
        .backend=${demoBackend()}
        lesson=${args.lesson}
        lang=${args.lang}
        bilingual=${args.bilingual}
      ></tandem-lesson-viewer>
    </div>`,
  parameters: {
    docs: {
      description: {
        component:
          'A short take-home lesson for families: language switch, two languages side by side, read aloud (a recording, or the device voice), progress kept on the device, a print view, reading offline, and "We tried it!".',
      },
    },
  },
} satisfies Meta<LessonArgs>;

export default meta;
type Story = StoryObj<LessonArgs>;

export const Default: Story = {};

/** Hmong; most devices have no Hmong voice, so Read aloud says so rather than staying silent. */
export const Hmong: Story = { args: { lang: 'hmn' } };

/** Hmong beside English in two columns. */
export const SideBySide: Story = { name: 'Side by side (Hmong + English)', args: { lang: 'hmn', bilingual: 'en' } };

/** The same at phone width: each Hmong paragraph followed by its English one. */
export const SideBySidePhone: Story = { name: 'Side by side at 320px', args: { lang: 'hmn', bilingual: 'en', width: '320px' } };

/** Arabic, right to left, beside English, left to right. */
export const ArabicRtl: Story = {
  name: 'Arabic (RTL) beside English',
  args: { lesson: 'conference-lesson', lang: 'ar', bilingual: 'en' },
};

/** A picture with its description, and a Spanish recording of the first part. */
export const WithRecording: Story = { name: 'Picture and recording (Spanish)', args: { lesson: 'bedtime-lesson', lang: 'es' } };

export const NotFound: Story = { args: { lesson: 'missing' } };

/** The server cannot be reached, but the lesson was opened before: the saved copy, with a quiet note. */
export const OfflineSavedCopy: Story = {
  name: 'Offline (saved copy)',
  loaders: [freshDevice, offlineWithSavedCopy],
  render: (args, { loaded }) =>
    html`<tandem-lesson-viewer
      .backend=${(loaded as { backend: MemoryBackend }).backend}
      lesson="demo-lesson"
      lang=${args.lang}
    ></tandem-lesson-viewer>`,
};

/** "We tried it!" pressed while offline: kept on this device until the connection returns. */
export const CompletionQueued: Story = {
  name: 'Completion waiting to be sent',
  loaders: [
    freshDevice,
    async () => {
      const payload: LessonCompletionInput = { locale: 'en', reflection: 'We counted twelve spoons!' };
      await outbox.add({
        id: 'storybook-queued-completion',
        kind: 'lesson-completion',
        target: 'demo-lesson',
        backendKey: 'storybook-offline',
        payload,
        createdAt: new Date().toISOString(),
        attempts: 1,
        lastError: { kind: 'offline', message: 'No connection' },
      });
      return offlineWithSavedCopy();
    },
  ],
  render: (args, { loaded }) =>
    html`<tandem-lesson-viewer
      .backend=${(loaded as { backend: MemoryBackend }).backend}
      lesson="demo-lesson"
      lang=${args.lang}
    ></tandem-lesson-viewer>`,
};

/** With no backend configured the widget explains itself instead of failing silently. */
export const NotConnected: Story = {
  render: () => html`<tandem-lesson-viewer lesson="demo-lesson" lang="en"></tandem-lesson-viewer>`,
};
