/** Sentences said in more than one place (on screen and by the live region), defined once. */
import { msg, str } from '@lit/localize';

/** Honest about why nothing will be read: many devices have no Hmong or Somali voice. */
export const noVoiceMessage = (language: string) =>
  msg(
    str`This device has no voice for ${language}, so it cannot read this part aloud. You can read it yourself, or ask the school for a recording.`,
    {
      id: 'lesson.no-voice',
    },
  );

export const readingMessage = (part: string) => msg(str`Reading aloud: ${part}`, { id: 'lesson.reading' });

export const unknownErrorMessage = () => msg('Something went wrong.', { id: 'lesson.unknown-error' });
