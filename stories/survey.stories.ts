// Stories for <tandem-survey>: each state a family can meet, every one wired to an in-memory backend.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { BackendError, MemoryBackend, clearAnswered, outbox, type Backend } from '@tandem/core';
import type { PublicSurvey, ResponseSubmission } from '@tandem/protocol';
import '@tandem/survey/tandem-survey.js';
import type { TandemSurvey } from '@tandem/survey';

interface SurveyArgs {
  survey: string;
  lang: string;
  bilingual: string;
  identityToken: string;
}

/** A short survey written in Arabic and English, so the right-to-left story shows real Arabic content. */
const arabicSurvey: PublicSurvey = {
  id: 'arabic-demo',
  title: { ar: 'رأي العائلات في السنة الدراسية', en: 'Family feedback on the school year' },
  description: { ar: 'خمس دقائق، دون ذكر الاسم.', en: 'Five minutes, anonymous.' },
  defaultLocale: 'ar',
  locales: ['ar', 'en'],
  status: 'published',
  school: { id: 'lincoln', name: 'Lincoln Elementary' },
  sections: [
    {
      id: 'child',
      questions: [
        {
          id: 'grade',
          type: 'single-choice',
          required: true,
          prompt: { ar: 'في أي صف طفلك؟', en: 'What grade is your child in?' },
          options: [
            { id: 'k', label: { ar: 'روضة الأطفال', en: 'Kindergarten' } },
            { id: '1-2', label: { ar: 'الصف الأول أو الثاني', en: 'Grade 1 or 2' } },
            { id: '3-5', label: { ar: 'من الصف الثالث إلى الخامس', en: 'Grade 3 to 5' } },
          ],
        },
        {
          id: 'happy',
          type: 'rating',
          required: true,
          scale: 5,
          prompt: { ar: 'ما مدى سعادة طفلك في المدرسة؟', en: 'How happy is your child at school?' },
          lowLabel: { ar: 'غير سعيد', en: 'Not happy' },
          highLabel: { ar: 'سعيد جدًا', en: 'Very happy' },
        },
        {
          id: 'ideas',
          type: 'long-text',
          required: false,
          prompt: { ar: 'ماذا يمكن أن تفعل المدرسة لعائلتك؟', en: 'What could the school do for your family?' },
        },
      ],
    },
  ],
};

function demoBackend(): MemoryBackend {
  const backend = MemoryBackend.withDemoData({ latencyMs: 400 });
  backend.addSurvey(arabicSurvey);
  return backend;
}

/** Reads like the demo backend but every send fails as if the connection dropped at the moment of Send. */
function offlineForWrites(): Backend & { key: string } {
  const memory = demoBackend();
  return {
    key: 'storybook-offline',
    getSurvey: (id, options) => memory.getSurvey(id, options),
    submitSurveyResponse: () => Promise.reject(new BackendError('offline', 'No connection (story)')),
  };
}

/** Stories share one browser: forget earlier visits' "already answered" records, drafts and bilingual choice. */
async function freshDevice(): Promise<Record<string, never>> {
  for (const survey of ['demo', 'closed-demo', 'arabic-demo']) await clearAnswered(`memory|survey|${survey}`);
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith('tandem:survey-draft:') || key === 'tandem:bilingual') localStorage.removeItem(key);
  }
  return {};
}

/** Waits for the survey to load, then presses its forward button, so the validation story shows errors. */
async function pressNextWhenReady(canvasElement: HTMLElement): Promise<void> {
  const el = canvasElement.querySelector<TandemSurvey>('tandem-survey');
  for (let i = 0; i < 100 && el?.phase !== 'ready'; i++) await new Promise((r) => setTimeout(r, 50));
  await el?.updateComplete;
  el?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="next"], [part~="submit"]')?.click();
}

const meta = {
  title: 'Widgets/Survey',
  component: 'tandem-survey',
  tags: ['autodocs'],
  loaders: [freshDevice],
  args: { survey: 'demo', lang: 'en', bilingual: '', identityToken: '' },
  argTypes: {
    survey: { control: 'select', options: ['demo', 'closed-demo', 'arabic-demo', 'missing'], description: 'Survey id' },
    lang: { control: 'select', options: ['en', 'es', 'hmn', 'vi', 'so', 'ar', 'zh-Hans', 'ht'], description: 'Language of the widget' },
    bilingual: { control: 'select', options: ['', 'en', 'es', 'hmn', 'ar'], description: 'Second language shown under the first' },
    identityToken: { control: 'text', description: 'Host-signed family identity (anonymous when empty)' },
  },
  render: (args) =>
    html`<tandem-survey
      .backend=${demoBackend()}
      survey=${args.survey}
      lang=${args.lang}
      bilingual=${args.bilingual || nothing}
      identity-token=${args.identityToken || nothing}
    ></tandem-survey>`,
  parameters: {
    docs: {
      description: {
        component:
          'A family feedback survey: typed questions over pages, validation in the family language, a language switch and a side-by-side bilingual view, and sending through the offline outbox.',
      },
    },
  },
} satisfies Meta<SurveyArgs>;

export default meta;
type Story = StoryObj<SurveyArgs>;

export const Default: Story = {};

/** English with Spanish under each prompt, help text and option; the family can turn it off or change the language. */
export const Bilingual: Story = { args: { bilingual: 'es' } };

/** Arabic interface and content, right to left; English shown beside it. */
export const ArabicRtl: Story = {
  name: 'Arabic (RTL)',
  args: { survey: 'arabic-demo', lang: 'ar', bilingual: 'en' },
  loaders: [
    async () => {
      // A language picked in another story is the "family's saved choice" and would outrank lang="ar".
      localStorage.removeItem('tandem:locale');
      return {};
    },
  ],
};

export const Closed: Story = { args: { survey: 'closed-demo' } };

export const NotFound: Story = { args: { survey: 'missing' } };

/** Answers were sent while offline: they wait on this device and go out when the connection returns. */
export const OfflineQueued: Story = {
  name: 'Offline (queued)',
  loaders: [
    async () => {
      const payload: ResponseSubmission = { answers: { grade: 'k', happy: 5 }, locale: 'en' };
      await outbox.add({
        id: 'storybook-queued-entry',
        kind: 'survey-response',
        target: 'demo',
        backendKey: 'storybook-offline',
        payload,
        createdAt: new Date().toISOString(),
        attempts: 1,
        lastError: { kind: 'offline', message: 'No connection' },
      });
      return {};
    },
  ],
  render: (args) => html`<tandem-survey .backend=${offlineForWrites()} survey=${args.survey} lang=${args.lang}></tandem-survey>`,
};

/** Next pressed on an unanswered page: messages under the fields, a linked summary, focus on the first. */
export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => pressNextWhenReady(canvasElement),
};

/** With no backend configured the widget explains itself instead of failing silently. */
export const NotConnected: Story = {
  render: () => html`<tandem-survey survey="demo" lang="en"></tandem-survey>`,
};
