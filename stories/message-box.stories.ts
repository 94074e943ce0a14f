// Stories for <tandem-message-box> and <tandem-inbox>: signed out, signed in, languages, a long thread, offline, and the staff inbox, all on an in-memory backend.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { clear, createStore } from 'idb-keyval';
import '@tandem/message-box/tandem-message-box.js';
import '@tandem/message-box/tandem-inbox.js';
import { MemoryMessaging } from '@tandem/message-box';

interface BoxArgs {
  lang: string;
  signedIn: boolean;
}

/** Stories share one browser: forget sessions and a sign-in link left by earlier stories. */
async function freshDevice(): Promise<Record<string, never>> {
  await clear(createStore('tandem-family-sessions', 'sessions'));
  localStorage.removeItem('tandem:locale');
  if (location.hash.includes('tandem-sign-in=')) history.replaceState(history.state, '', location.href.split('#')[0]);
  return {};
}

const meta = {
  title: 'Widgets/Message box',
  component: 'tandem-message-box',
  tags: ['autodocs'],
  loaders: [freshDevice],
  args: { lang: 'en', signedIn: false },
  argTypes: {
    lang: { control: 'select', options: ['en', 'es', 'hmn', 'vi', 'so', 'ar', 'zh-Hans', 'ht'], description: 'Language of the widget' },
    signedIn: { control: 'boolean', description: 'Signed in through a host identity token (the demo family)' },
  },
  render: (args) =>
    html`<tandem-message-box
      .messaging=${MemoryMessaging.withDemoData({ latencyMs: 300 })}
      organization="demo"
      identity-token=${args.signedIn ? 'family:family-garcia' : ''}
      lang=${args.lang}
    ></tandem-message-box>`,
  parameters: {
    docs: {
      description: {
        component:
          'Two-way messaging between a family and school staff. Sign in with the invite code DEMO-FAMILY (or the class code DEMO-CLASS2). Staff messages arrive translated, with the original a click away; messages written offline wait on the device and go out once when the connection returns.',
      },
    },
  },
} satisfies Meta<BoxArgs>;

export default meta;
type Story = StoryObj<BoxArgs>;

/** Signed out: invite code, or an email link. */
export const SignedOut: Story = {};

/** Signed in by the host page's identity token: contacts and conversations. */
export const SignedIn: Story = { args: { signedIn: true } };

/** A Spanish-speaking family: staff messages translated to Spanish, "Traducido del inglés · Mostrar original". */
export const Spanish: Story = { args: { signedIn: true, lang: 'es' } };

/** Arabic interface, right to left. */
export const ArabicRtl: Story = { name: 'Arabic (RTL)', args: { signedIn: true, lang: 'ar' } };

/** A 10,000-message thread with Mr. Nguyen: scrolls smoothly, loads older pages at the top without jumping. */
export const LongThread: Story = {
  args: { signedIn: true },
  render: (args) =>
    html`<tandem-message-box
      .messaging=${MemoryMessaging.withDemoData({ longThread: 10_000 })}
      organization="demo"
      identity-token="family:family-garcia"
      lang=${args.lang}
    ></tandem-message-box>`,
};

/** Every send fails as if offline: messages show "Waiting for connection" and stay on the device. */
export const Offline: Story = {
  args: { signedIn: true },
  render: (args) => {
    const messaging = MemoryMessaging.withDemoData();
    const send = messaging.sendFamilyMessage.bind(messaging);
    messaging.sendFamilyMessage = (...rest) =>
      navigator.onLine && !offline.checked ? send(...rest) : Promise.reject(new TypeError('offline'));
    const offline = Object.assign(document.createElement('input'), { type: 'checkbox', checked: true, id: 'story-offline' });
    return html`<p><label>${offline} Offline</label></p>
      <tandem-message-box
        .messaging=${messaging}
        organization="demo"
        identity-token="family:family-garcia"
        lang=${args.lang}
      ></tandem-message-box>`;
  },
};

/** The staff side: conversations unread first, a filter, the same thread and composer, and CSV export for admins. */
export const StaffInbox: Story = {
  render: (args) =>
    html`<tandem-inbox
      .messaging=${MemoryMessaging.withDemoData({ latencyMs: 300 })}
      .staffToken=${'demo-staff-token'}
      can-export
      lang=${args.lang}
    ></tandem-inbox>`,
};
