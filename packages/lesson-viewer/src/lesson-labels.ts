/** Localized names for a lesson's grade band and subject, and its time. */
import { msg, str } from '@lit/localize';
import type { LessonGradeBand, LessonSubject } from '@tandem/protocol';

export function gradeBandLabel(band: LessonGradeBand): string {
  switch (band) {
    case 'pre-k':
      return msg('Pre-kindergarten', { id: 'lesson.grade.pre-k' });
    case 'k-2':
      return msg('Kindergarten to grade 2', { id: 'lesson.grade.k-2' });
    case '3-5':
      return msg('Grades 3 to 5', { id: 'lesson.grade.3-5' });
    case '6-8':
      return msg('Grades 6 to 8', { id: 'lesson.grade.6-8' });
    case '9-12':
      return msg('Grades 9 to 12', { id: 'lesson.grade.9-12' });
    default:
      return msg('All grades', { id: 'lesson.grade.all' });
  }
}

export function subjectLabel(subject: LessonSubject): string {
  switch (subject) {
    case 'reading':
      return msg('Reading', { id: 'lesson.subject.reading' });
    case 'writing':
      return msg('Writing', { id: 'lesson.subject.writing' });
    case 'math':
      return msg('Math', { id: 'lesson.subject.math' });
    case 'science':
      return msg('Science', { id: 'lesson.subject.science' });
    case 'social-emotional':
      return msg('Feelings and friendships', { id: 'lesson.subject.social-emotional' });
    case 'health':
      return msg('Health', { id: 'lesson.subject.health' });
    case 'arts':
      return msg('Arts', { id: 'lesson.subject.arts' });
    case 'school-and-family':
      return msg('School and family', { id: 'lesson.subject.school-and-family' });
    default:
      return msg('Other', { id: 'lesson.subject.other' });
  }
}

export function minutesLabel(minutes: number): string {
  return minutes === 1 ? msg('About 1 minute', { id: 'lesson.minute' }) : msg(str`About ${minutes} minutes`, { id: 'lesson.minutes' });
}
