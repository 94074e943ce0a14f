/** What read aloud says for a lesson section, and how the live region names a section. */
import { msg, str } from '@lit/localize';
import { parseMarkdown, plainText, type PublicLesson } from '@tandem/protocol';
import { pick } from './localized-text.js';
import type { SpokenPart } from './read-aloud.js';

/** A section's heading and text in one language, as short plain-text chunks (lists item by item). */
export function spokenPart(lesson: PublicLesson, sectionId: string, locale: string): SpokenPart | undefined {
  const section = lesson.sections.find((s) => s.id === sectionId);
  if (!section) return undefined;
  const chunks: string[] = [];
  if (section.heading) chunks.push(pick(section.heading, locale, lesson.defaultLocale).text);
  for (const block of parseMarkdown(pick(section.body, locale, lesson.defaultLocale).text)) {
    if (block.type === 'paragraph') chunks.push(plainText(block.children));
    else chunks.push(...block.items.map((item) => plainText(item)));
  }
  return { sectionId, locale, chunks: chunks.map((c) => c.trim()).filter(Boolean) };
}

/** The section's heading in `locale`, or "part 2" for a section without one. */
export function sectionTitle(lesson: PublicLesson, sectionId: string, locale: string): string {
  const section = lesson.sections.find((s) => s.id === sectionId);
  const index = lesson.sections.indexOf(section!) + 1;
  return section?.heading ? pick(section.heading, locale, lesson.defaultLocale).text : msg(str`part ${index}`, { id: 'lesson.part' });
}
