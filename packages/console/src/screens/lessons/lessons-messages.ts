/** Words of the lesson screens that more than one view needs: grade bands, subjects, field errors and where an error is. */
import { msg, str } from '@lit/localize';
import type { FieldError, LessonGradeBand, LessonSubject } from '@tandem/protocol';

export { ownName } from '../common/localized-text.js';

export function gradeBandLabel(band: LessonGradeBand): string {
  switch (band) {
    case 'pre-k':
      return msg('Pre-K', { id: 'console.lessons.grade.preK' });
    case 'k-2':
      return msg('Kindergarten to grade 2', { id: 'console.lessons.grade.k2' });
    case '3-5':
      return msg('Grades 3 to 5', { id: 'console.lessons.grade.35' });
    case '6-8':
      return msg('Grades 6 to 8', { id: 'console.lessons.grade.68' });
    case '9-12':
      return msg('Grades 9 to 12', { id: 'console.lessons.grade.912' });
    case 'all':
      return msg('All grades', { id: 'console.lessons.grade.all' });
  }
}

export function subjectLabel(subject: LessonSubject): string {
  switch (subject) {
    case 'reading':
      return msg('Reading', { id: 'console.lessons.subject.reading' });
    case 'writing':
      return msg('Writing', { id: 'console.lessons.subject.writing' });
    case 'math':
      return msg('Math', { id: 'console.lessons.subject.math' });
    case 'science':
      return msg('Science', { id: 'console.lessons.subject.science' });
    case 'social-emotional':
      return msg('Feelings and friendships', { id: 'console.lessons.subject.socialEmotional' });
    case 'health':
      return msg('Health', { id: 'console.lessons.subject.health' });
    case 'arts':
      return msg('Arts', { id: 'console.lessons.subject.arts' });
    case 'school-and-family':
      return msg('School and family', { id: 'console.lessons.subject.schoolAndFamily' });
    case 'other':
      return msg('Other', { id: 'console.lessons.subject.other' });
  }
}

/** A field error in the staff member's language; `language` names the default language a text is missing in. */
export function fieldErrorMessage(error: FieldError, language: string): string {
  const last = error.pointer.split('/').pop() ?? '';
  if (error.pointer === '/minutes') return msg('Enter a whole number of minutes from 1 to 240.', { id: 'console.lessons.error.minutes' });
  if (/^\/schoolIds/.test(error.pointer)) return msg('Choose one of your schools.', { id: 'console.lessons.error.school' });
  if (last === 'url' || /\/audio\//.test(error.pointer)) {
    return error.code === 'required'
      ? msg('Enter the web address of the picture.', { id: 'console.lessons.error.imageUrlRequired' })
      : msg('Enter a web address that starts with https://', { id: 'console.lessons.error.url' });
  }
  switch (error.code) {
    case 'required':
      return last === 'alt'
        ? msg(str`Describe the picture in ${language} for families who cannot see it.`, { id: 'console.lessons.error.altRequired' })
        : msg(str`Write this in ${language}.`, { id: 'console.lessons.error.required' });
    case 'too-long':
      return msg('This text is too long.', { id: 'console.lessons.error.tooLong' });
    case 'too-many':
      return msg('There are too many here; remove some.', { id: 'console.lessons.error.tooMany' });
    case 'invalid-format':
      return last === 'id'
        ? msg('This section is a copy of another. Remove it and add a new one.', { id: 'console.lessons.error.duplicateId' })
        : msg('Check this field.', { id: 'console.lessons.error.other' });
    default:
      return msg('Check this field.', { id: 'console.lessons.error.other' });
  }
}

/** Where an error is, in words: "Section 2, picture". */
export function placeOf(pointer: string): string {
  const section = /^\/sections\/(\d+)(?:\/([a-z]+))?/.exec(pointer);
  if (section) {
    const n = Number(section[1]) + 1;
    switch (section[2]) {
      case 'heading':
        return msg(str`Section ${n}, heading`, { id: 'console.lessons.place.heading' });
      case 'image':
        return msg(str`Section ${n}, picture`, { id: 'console.lessons.place.image' });
      case 'audio':
        return msg(str`Section ${n}, recording`, { id: 'console.lessons.place.audio' });
      default:
        return msg(str`Section ${n}, text`, { id: 'console.lessons.place.body' });
    }
  }
  const item = /^\/(steps|questions)\/(\d+)/.exec(pointer);
  if (item) {
    const n = Number(item[2]) + 1;
    return item[1] === 'steps'
      ? msg(str`Step ${n}`, { id: 'console.lessons.stepNumber' })
      : msg(str`Question ${n}`, { id: 'console.lessons.questionNumber' });
  }
  switch (pointer.split('/')[1]) {
    case 'summary':
      return msg('Summary', { id: 'console.lessons.summary' });
    case 'minutes':
      return msg('Minutes it takes', { id: 'console.lessons.minutes' });
    case 'tip':
      return msg('Tip to try at home', { id: 'console.lessons.tip' });
    case 'schoolIds':
      return msg('Schools', { id: 'console.lessons.schools' });
    default:
      return msg('Lesson title', { id: 'console.lessons.lessonTitle' });
  }
}
