// Stories for <tandem-event-rsvp>: each state a family can meet, every one wired to an in-memory backend.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { clear, createStore, set } from 'idb-keyval';
import { BackendError, MemoryBackend, outbox } from '@tandem/core';
import type { RsvpInput } from '@tandem/protocol';
import '@tandem/event-rsvp/tandem-event-rsvp.js';
import type { TandemEventRsvp } from '@tandem/event-rsvp';

interface RsvpArgs {
  event: string;
  lang: string;
}

function demoBackend(): MemoryBackend {
  const backend = MemoryBackend.withDemoData({ latencyMs: 400 });
  // Serves no files, but shows where the .ics link goes.
  return Object.assign(backend, { eventCalendarUrl: (id: string, locale: string) => `/api/v1/events/${id}.ics?lang=${locale}` });
}

/** Reads like the demo backend but every write fails as if the connection dropped at the moment of Send. */
function offlineForWrites(): MemoryBackend {
  const offline = () => Promise.reject(new BackendError('offline', 'No connection (story)'));
  // Its own outbox key, so the queued story entry is matched to this backend only.
  return Object.assign(demoBackend(), { key: 'storybook-offline', createRsvp: offline, updateRsvp: offline, cancelRsvp: offline });
}

const rsvpStore = () => createStore('tandem-rsvps', 'entries');

/** Stories share one browser: forget RSVPs kept by earlier stories, and any private link in the address. */
async function freshDevice(): Promise<Record<string, never>> {
  await clear(rsvpStore());
  if (location.hash.includes('tandem-rsvp=')) history.replaceState(history.state, '', location.href.split('#')[0]);
  return {};
}

/** A backend where this device already RSVPed (waitlisted for the full workshop), as if on a second visit. */
async function alreadyWaitlisted(): Promise<{ backend: MemoryBackend }> {
  const backend = demoBackend();
  const input: RsvpInput = {
    sessionId: 'only',
    response: 'going',
    adults: 1,
    children: 2,
    contact: { email: 'mai@example.org' },
    locale: 'en',
  };
  const receipt = backend.events.create('full-event', input, 'storybook-waitlisted');
  await set(`memory|event|full-event`, { rsvpId: receipt.rsvpId, editToken: receipt.editToken, status: receipt.status }, rsvpStore());
  return { backend };
}

/** Waits for the form, then presses Send, so the validation story shows errors. */
async function sendWhenReady(canvasElement: HTMLElement): Promise<void> {
  const el = canvasElement.querySelector<TandemEventRsvp>('tandem-event-rsvp');
  for (let i = 0; i < 100 && el?.phase !== 'ready'; i++) await new Promise((r) => setTimeout(r, 50));
  await el?.updateComplete;
  el?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="submit"]')?.click();
}

const meta = {
  title: 'Widgets/Event RSVP',
  component: 'tandem-event-rsvp',
  tags: ['autodocs'],
  loaders: [freshDevice],
  args: { event: 'demo-event', lang: 'en' },
  argTypes: {
    event: {
      control: 'select',
      options: ['demo-event', 'full-event', 'cancelled-event', 'past-event', 'missing'],
      description: 'Event id',
    },
    lang: { control: 'select', options: ['en', 'es', 'hmn', 'vi', 'so', 'ar', 'zh-Hans', 'ht'], description: 'Language of the widget' },
  },
  render: (args) => html`<tandem-event-rsvp .backend=${demoBackend()} event=${args.event} lang=${args.lang}></tandem-event-rsvp>`,
  parameters: {
    docs: {
      description: {
        component:
          'A school event with sessions and places left, an RSVP with party size and family needs, the waitlist, add to calendar, and change or cancel later from this device or a private link.',
      },
    },
  },
} satisfies Meta<RsvpArgs>;

export default meta;
type Story = StoryObj<RsvpArgs>;

export const Default: Story = {};

/** Hmong interface; the event's Hmong title and description, the place name too. */
export const Hmong: Story = { args: { lang: 'hmn' } };

/** Arabic interface and content, right to left; the place name has no Arabic and shows in English, marked as such. */
export const ArabicRtl: Story = {
  name: 'Arabic (RTL)',
  args: { lang: 'ar' },
  loaders: [
    async () => {
      // A language picked in another story is the "family's saved choice" and would outrank lang="ar".
      localStorage.removeItem('tandem:locale');
      return {};
    },
  ],
};

/** The only session is full: the form offers the waitlist. */
export const Full: Story = { args: { event: 'full-event' } };

/** A second visit after joining the waitlist: the RSVP with its place in line, change, cancel and the private link. */
export const Waitlisted: Story = {
  args: { event: 'full-event' },
  loaders: [freshDevice, alreadyWaitlisted],
  render: (args, { loaded }) =>
    html`<tandem-event-rsvp
      .backend=${(loaded as { backend: MemoryBackend }).backend}
      event=${args.event}
      lang=${args.lang}
    ></tandem-event-rsvp>`,
};

export const Cancelled: Story = { args: { event: 'cancelled-event' } };

export const Ended: Story = { args: { event: 'past-event' } };

export const NotFound: Story = { args: { event: 'missing' } };

/** An RSVP sent while offline: it waits on this device and goes out when the connection returns. */
export const OfflineQueued: Story = {
  name: 'Offline (queued)',
  loaders: [
    freshDevice,
    async () => {
      const payload: RsvpInput = {
        sessionId: 'early',
        response: 'going',
        adults: 2,
        children: 1,
        contact: { phone: '651 555 0100' },
        locale: 'en',
      };
      await outbox.add({
        id: 'storybook-queued-rsvp',
        kind: 'event-rsvp',
        target: 'demo-event',
        backendKey: 'storybook-offline',
        payload,
        createdAt: new Date().toISOString(),
        attempts: 1,
        lastError: { kind: 'offline', message: 'No connection' },
      });
      return {};
    },
  ],
  render: (args) => html`<tandem-event-rsvp .backend=${offlineForWrites()} event=${args.event} lang=${args.lang}></tandem-event-rsvp>`,
};

/** Send pressed on an empty form: messages under the fields, a linked summary, focus on the first. */
export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => sendWhenReady(canvasElement),
};

/** With no backend configured the widget explains itself instead of failing silently. */
export const NotConnected: Story = {
  render: () => html`<tandem-event-rsvp event="demo-event" lang="en"></tandem-event-rsvp>`,
};
