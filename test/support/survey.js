// Answers <tandem-survey> the way a parent does — by the texts on screen, in their language — and reads UI strings from xliff/.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from './server.js';
import { surveyOn, textIn } from './browser.js';

const xliffCache = new Map();

function decodeXml(text) {
  return text
    .replace(/<x\s+[^>]*\/>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

/**
 * A UI string as the widget shows it in `locale`, read from the XLIFF translations (`en` is the source
 * text), so tests check the real translation rather than a copy that could drift.
 */
export async function uiString(locale, id) {
  const file = join(repoRoot, 'xliff', `${locale === 'en' ? 'es' : locale}.xlf`);
  if (!xliffCache.has(file)) xliffCache.set(file, await readFile(file, 'utf8'));
  const xml = xliffCache.get(file);
  const unit = new RegExp(`<trans-unit\\s+id="${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>([\\s\\S]*?)</trans-unit>`).exec(xml);
  if (!unit) throw new Error(`No trans-unit "${id}" in ${file}`);
  const part = new RegExp(locale === 'en' ? '<source>([\\s\\S]*?)</source>' : '<target[^>]*>([\\s\\S]*?)</target>').exec(unit[1]);
  if (!part) throw new Error(`trans-unit "${id}" has no ${locale === 'en' ? 'source' : 'target'} in ${file}`);
  return decodeXml(part[1]);
}

/** Texts a parent might type, per language. */
const TYPED = {
  en: { short: 'Hmong and English', long: 'More after-school clubs, please. Pickup at 2:45 is hard for working parents.' },
  es: {
    short: 'Español, por favor',
    long: 'Más clubes después de clases. La salida a las 2:45 es difícil para las familias que trabajan.',
  },
};

/**
 * Answers every question of every page through clicks and typing, pressing Next and finally Send
 * (unless `submit` is false; `finalNext` presses Next after the last given page instead, for tests that
 * hand over only the first pages). Returns what was chosen per question id, as the API will store it.
 */
export async function answerEverything(page, survey, locale, { submit = true, finalNext = false } = {}) {
  const widget = surveyOn(page);
  const chosen = {};
  const yes = await uiString(locale, 'survey.yes');
  for (const [index, section] of survey.sections.entries()) {
    for (const question of section.questions) {
      const prompt = textIn(question.prompt, locale, survey.defaultLocale);
      const field = widget.locator(`[part~="question"][data-question="${question.id}"]`);
      await field.waitFor({ state: 'visible' });
      // The prompt on screen is in the family's language (or the survey's default when untranslated).
      const shown = (await field.locator('.prompt').first().innerText()).replace(/\s+/g, ' ');
      if (!shown.includes(prompt.replace(/\s+/g, ' '))) throw new Error(`Question ${question.id} shows "${shown}", expected "${prompt}"`);

      switch (question.type) {
        case 'single-choice': {
          const option = question.options.at(-1);
          await field.getByLabel(textIn(option.label, locale, survey.defaultLocale), { exact: true }).check();
          chosen[question.id] = option.id;
          break;
        }
        case 'multiple-choice': {
          const picks = question.options.slice(0, Math.min(2, question.maxSelected ?? 2));
          for (const option of picks) await field.getByLabel(textIn(option.label, locale, survey.defaultLocale), { exact: true }).check();
          chosen[question.id] = picks.map((o) => o.id);
          break;
        }
        case 'rating': {
          const point = question.scale === 10 ? 8 : 4;
          await field.getByLabel(String(point), { exact: true }).check();
          chosen[question.id] = point;
          break;
        }
        case 'yes-no':
          await field.getByLabel(yes, { exact: true }).check();
          chosen[question.id] = true;
          break;
        case 'short-text':
        case 'long-text': {
          const text = (TYPED[locale] ?? TYPED.en)[question.type === 'short-text' ? 'short' : 'long'];
          const box = field.getByRole('textbox');
          await box.click();
          await box.pressSequentially(text, { delay: 2 });
          chosen[question.id] = text;
          break;
        }
      }
    }
    const last = index === survey.sections.length - 1;
    if (last && finalNext) {
      await widget.getByRole('button', { name: await uiString(locale, 'survey.next'), exact: true }).click();
    } else if (!last) {
      await widget.getByRole('button', { name: await uiString(locale, 'survey.next'), exact: true }).click();
      await widget.locator(`[data-question="${survey.sections[index + 1].questions[0].id}"]`).waitFor({ state: 'visible' });
    } else if (submit) {
      await widget.getByRole('button', { name: await uiString(locale, 'survey.submit'), exact: true }).click();
    }
  }
  return chosen;
}

/** Checks a staff results document against what `answerEverything` chose; returns a list of mismatches. */
export function resultsMismatches(results, survey, chosen, locale) {
  const problems = [];
  for (const question of survey.sections.flatMap((s) => s.questions)) {
    const result = results.questions.find((q) => q.questionId === question.id);
    const answer = chosen[question.id];
    if (!result) {
      problems.push(`${question.id}: missing from results`);
      continue;
    }
    if (result.answered !== 1) problems.push(`${question.id}: answered ${result.answered}, expected 1`);
    if (question.type === 'single-choice' || question.type === 'multiple-choice') {
      const picked = new Set([answer].flat());
      for (const option of result.options ?? []) {
        const expected = picked.has(option.optionId) ? 1 : 0;
        if (option.count !== expected) problems.push(`${question.id}/${option.optionId}: count ${option.count}, expected ${expected}`);
      }
    } else if (question.type === 'yes-no') {
      const yes = result.options?.find((o) => o.optionId === 'yes');
      if (yes?.count !== (answer ? 1 : 0)) problems.push(`${question.id}: yes count ${yes?.count}, expected ${answer ? 1 : 0}`);
    } else if (question.type === 'rating') {
      if (result.average !== answer) problems.push(`${question.id}: average ${result.average}, expected ${answer}`);
    } else {
      const texts = result.texts ?? [];
      if (texts.length !== 1 || texts[0].text !== answer || texts[0].locale !== locale) {
        problems.push(`${question.id}: texts ${JSON.stringify(texts)}, expected one "${answer}" in ${locale}`);
      }
    }
  }
  return problems;
}
