// Stories for <tandem-resource-card> and <tandem-resource-list>: the demo resources on an in-memory backend, at fixed clocks.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { BackendError, MemoryBackend, clearAnswered, demoResources, outbox } from '@tandem/core';
import { resourcesToHsds } from '@tandem/protocol';
import '@tandem/resource-card/tandem-resource-card.js';
import '@tandem/resource-card/tandem-resource-list.js';

interface CardArgs {
  resource: string;
  lang: string;
  now: string;
}

/** Wednesday 4:10 PM and 7:00 PM in Saint Paul: most places open, then only the late-night helpline. */
const CLOCKS: Record<string, string> = {
  'Wednesday 4:10 PM (CST)': '2026-11-25T22:10:00Z',
  'Wednesday 7:00 PM (CST)': '2026-11-26T01:00:00Z',
  'Saturday 11:00 AM (CST)': '2026-11-28T17:00:00Z',
};
const RESOURCES = [
  'demo-food-shelf',
  'demo-homework-help',
  'demo-family-helpline',
  'demo-family-clinic',
  'demo-winter-coats',
  'demo-immigration-legal',
  'missing',
];
const LANGS = ['en', 'es', 'hmn', 'vi', 'so', 'ar', 'zh-Hans', 'ht'];

/** Stories share one browser: forget feedback given or waiting, and a language picked in another story. */
async function freshDevice(): Promise<Record<string, never>> {
  for (const id of RESOURCES) await clearAnswered(`memory|resource-feedback|${id}`);
  // Feedback left waiting by the offline story would otherwise be sent (and thanked) in the next story.
  for (const entry of await outbox.list({ kind: 'resource-feedback' })) await outbox.remove(entry.id);
  localStorage.removeItem('tandem:locale');
  return {};
}

/** The demo resources as an HSDS file, inline, so the static-mode story needs no server or file at all. */
const hsdsFile = `data:application/json,${encodeURIComponent(JSON.stringify(resourcesToHsds(demoResources())))}`;

const backend = () => MemoryBackend.withDemoData({ latencyMs: 300 });

const meta = {
  title: 'Widgets/Resource card',
  component: 'tandem-resource-card',
  tags: ['autodocs'],
  loaders: [freshDevice],
  args: { resource: 'demo-food-shelf', lang: 'en', now: 'Wednesday 4:10 PM (CST)' },
  argTypes: {
    resource: { control: 'select', options: RESOURCES, description: 'Resource id' },
    lang: { control: 'select', options: LANGS, description: 'Language of the widget' },
    now: { control: 'select', options: Object.keys(CLOCKS), description: 'The moment "open now" is judged at' },
  },
  render: (args) =>
    html`<tandem-resource-card
      .backend=${backend()}
      .now=${new Date(CLOCKS[args.now] ?? Date.now())}
      resource=${args.resource}
      lang=${args.lang}
    ></tandem-resource-card>`,
  parameters: {
    docs: {
      description: {
        component:
          'A school or community resource: open now or when it opens (on its own clock), phone and map links, languages spoken, eligibility and cost, and "Was this helpful?" sent through the offline outbox.',
      },
    },
  },
} satisfies Meta<CardArgs>;

export default meta;
type Story = StoryObj<CardArgs>;

export const Default: Story = {};

/** Open past midnight: "closes at 2:00 AM". */
export const OpenLate: Story = { args: { resource: 'demo-family-helpline', now: 'Wednesday 7:00 PM (CST)' } };

/** No hours listed: the card says nothing about open or closed. */
export const NoSchedule: Story = { args: { resource: 'demo-winter-coats' } };

/** Spanish interface; the Arabic-first legal clinic falls back to Arabic text, marked lang="ar" dir="rtl". */
export const SpanishWithFallback: Story = { args: { resource: 'demo-immigration-legal', lang: 'es' } };

/** Arabic interface and content, right to left. */
export const ArabicRtl: Story = { name: 'Arabic (RTL)', args: { resource: 'demo-immigration-legal', lang: 'ar' } };

export const Hmong: Story = { args: { resource: 'demo-food-shelf', lang: 'hmn' } };

export const NotFound: Story = { args: { resource: 'missing' } };

/** Feedback sent with no connection: "Saved on this device", sent by the outbox once the connection returns. */
export const FeedbackOffline: Story = {
  name: 'Feedback while offline',
  render: (args) => {
    const offlineWrites = backend();
    offlineWrites.submitResourceFeedback = () => Promise.reject(new BackendError('offline', 'No connection (story)'));
    return html`<tandem-resource-card .backend=${offlineWrites} resource=${args.resource} lang=${args.lang}></tandem-resource-card>`;
  },
};

/** With no backend configured the widget explains itself instead of failing silently. */
export const NotConnected: Story = {
  render: () => html`<tandem-resource-card resource="demo-food-shelf" lang="en"></tandem-resource-card>`,
};

/** The list: search, category, language spoken and open now, over the demo school's resources. */
export const List: Story = {
  render: (args) =>
    html`<tandem-resource-list
      .backend=${backend()}
      .now=${new Date(CLOCKS[args.now] ?? Date.now())}
      school="lincoln-elementary"
      lang=${args.lang}
    ></tandem-resource-list>`,
};

/** Filters set by the host page: Spanish spoken and open now. */
export const ListFiltered: Story = {
  name: 'List (Spanish spoken, open now)',
  render: (args) =>
    html`<tandem-resource-list
      .backend=${backend()}
      .now=${new Date(CLOCKS[args.now] ?? Date.now())}
      school="lincoln-elementary"
      language="es"
      open-now
      lang=${args.lang}
    ></tandem-resource-list>`,
};

/** Static mode: an HSDS-style JSON file read from a URL, no Tandem server. */
export const ListFromHsdsFile: Story = {
  name: 'List (static HSDS file)',
  render: (args) =>
    html`<tandem-resource-list src=${hsdsFile} .now=${new Date(CLOCKS[args.now] ?? Date.now())} lang=${args.lang}></tandem-resource-list>`,
};

export const ListArabicRtl: Story = {
  name: 'List (Arabic, RTL)',
  args: { lang: 'ar' },
  render: List.render!,
};
